using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Files;
using Verso.Files.Errors;
using Verso.Naming;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// A record the user hands over in a file: JSON, YAML (<c>.yaml</c>, <c>.yml</c>) or an agent's Markdown
/// (<c>.md</c>), told apart by the extension; standard input is JSON. Errors name the file and the
/// 1-based line and column, as a compiler does.
/// </summary>
internal static class RecordInput
{
    /// <summary>The record in <paramref name="path"/> (or standard input for <c>-</c>) as UTF-8 JSON, not yet canonical.</summary>
    /// <exception cref="UsageException">The file cannot be read, or is not YAML or Markdown its extension says it is.</exception>
    public static async Task<byte[]> ReadAsync(CommandContext context, string kind, string path, CancellationToken cancellationToken)
    {
        var bytes = await context.ReadInputAsync(path, cancellationToken);
        return path == "-" ? bytes : ToJson(kind, path, bytes);
    }

    /// <summary>The bytes of a file named <paramref name="path"/> as UTF-8 JSON, by its extension.</summary>
    /// <exception cref="UsageException">The bytes are not the YAML or Markdown the extension names.</exception>
    public static byte[] ToJson(string kind, string path, byte[] bytes)
    {
        RecordFileFormat? format = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".YAML" or ".YML" => RecordFileFormat.Yaml,
            ".MD" => RecordFileFormat.Markdown,
            _ => null,
        };
        if (format is null)
        {
            // .json, and any other name, is read as JSON, as save always did.
            return bytes;
        }

        try
        {
            return RecordFormat.ReadJson(kind, format.Value, bytes);
        }
        catch (RecordFileException exception)
        {
            throw new UsageException(exception.InFile(path));
        }
    }

    /// <summary>Refuses a record whose own <c>id</c> names another entity than the one it is saved as.</summary>
    /// <exception cref="UsageException">The record's <c>id</c> is a string other than <paramref name="key"/>'s id.</exception>
    public static void CheckId(EntityKey key, ReadOnlyMemory<byte> canonical, string file)
    {
        using var document = JsonDocument.Parse(canonical, JsonLimits.Document);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("id", out var id)
            && id.ValueKind == JsonValueKind.String
            && id.GetString() != key.Id)
        {
            throw new UsageException($"{file} holds the record of '{id.GetString()}', not '{key.Id}': its id field must match the ID it is saved as");
        }
    }
}
