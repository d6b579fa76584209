using Verso.Files.Errors;
using Verso.Naming;

namespace Verso.Files;

/// <summary>
/// Where a record lives in an exported directory: <c>&lt;kind&gt;/&lt;id&gt;.yaml</c>, or
/// <c>agent/&lt;id&gt;.md</c>; an import also reads <c>&lt;kind&gt;/&lt;id&gt;.json</c>. Built only from valid kind names and entity ids, and never a Windows device
/// name, so a path is always one folder and one file inside the directory, on every system.
/// </summary>
public sealed record RecordPath
{
    private RecordPath(EntityKey key, RecordFileFormat format)
    {
        Key = key;
        Format = format;
    }

    /// <summary>The entity the file holds.</summary>
    public EntityKey Key { get; }

    /// <summary>How the file is written.</summary>
    public RecordFileFormat Format { get; }

    /// <summary>The path inside the directory, with a forward slash: <c>agent/alice.md</c>.</summary>
    public string RelativePath => $"{Key.Kind}/{Key.Id}{Extension(Format)}";

    /// <summary>The path an export writes <paramref name="key"/> to: Markdown for kinds with a prose body, YAML otherwise.</summary>
    /// <exception cref="RecordFileException">The id is a Windows device name, which no portable file can have.</exception>
    public static RecordPath For(EntityKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Create(key, RecordFormat.HasMarkdownBody(key.Kind) ? RecordFileFormat.Markdown : RecordFileFormat.Yaml);
    }

    /// <summary>Reads a path inside an exported directory, such as <c>agent/alice.md</c>, <c>role/reviewer.yaml</c> or <c>role/reviewer.json</c>.</summary>
    /// <exception cref="RecordFileException">The path is not one kind folder and one record file.</exception>
    /// <exception cref="Verso.Errors.InvalidNameException">The folder is not a kind name or the file name not an entity id.</exception>
    public static RecordPath Parse(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        if (relativePath.Contains('\\', StringComparison.Ordinal) || relativePath.Contains('\0', StringComparison.Ordinal))
        {
            throw new RecordFileException("a record path uses '/' between its folder and its file, and no NUL");
        }

        var parts = relativePath.Split('/');
        if (parts.Length != 2)
        {
            throw new RecordFileException("a record file sits directly in its kind's folder: KIND/ID.yaml or agent/ID.md");
        }

        var (kind, file) = (parts[0], parts[1]);
        EntityKey.ValidateKind(kind);
        RecordFileFormat format;
        if (file.EndsWith(".yaml", StringComparison.Ordinal))
        {
            format = RecordFileFormat.Yaml;
        }
        else if (file.EndsWith(".md", StringComparison.Ordinal) && RecordFormat.HasMarkdownBody(kind))
        {
            format = RecordFileFormat.Markdown;
        }
        else if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            format = RecordFileFormat.Json;
        }
        else
        {
            throw new RecordFileException(RecordFormat.HasMarkdownBody(kind)
                ? $"a {kind} file ends in .md, .yaml or .json"
                : $"a {kind} file ends in .yaml or .json");
        }

        return Create(EntityKey.Create(kind, file[..^Extension(format).Length]), format);
    }

    /// <inheritdoc />
    public override string ToString() => RelativePath;

    private static RecordPath Create(EntityKey key, RecordFileFormat format)
    {
        if (SafeName.IsWindowsDeviceName(key.Id))
        {
            throw new RecordFileException($"'{key.Id}' cannot be a file name: Windows reserves it for a device");
        }

        return new RecordPath(key, format);
    }

    private static string Extension(RecordFileFormat format) => format switch
    {
        RecordFileFormat.Markdown => ".md",
        RecordFileFormat.Json => ".json",
        _ => ".yaml",
    };
}
