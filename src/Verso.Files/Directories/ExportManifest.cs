using System.Buffers;
using System.Text.Json;
using Verso.Agents.Validation;
using Verso.Errors;
using Verso.Files.Yaml;
using Verso.Documents.Hashing;
using Verso.Naming;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Files.Directories;

/// <summary>
/// <c>verso-manifest.yaml</c>: every file an export wrote, with its entity's kind, id, version and hash,
/// ordered by path. It holds nothing that changes between two exports of the same heads (no time, no host).
/// </summary>
internal static class ExportManifest
{
    /// <summary>The manifest's file name, at the top of the directory.</summary>
    public const string FileName = "verso-manifest.yaml";

    private static readonly ObjectShape Shape = new(
        Required("format", String()),
        Required("files", ArrayOf(Object(new ObjectShape(
            Required("file", String()),
            Required("kind", String()),
            Required("id", String()),
            Required("version", Integer()),
            Required("hash", String()))))));

    /// <summary>The manifest's bytes for the exported files (the valid ones with a key, a version and a hash).</summary>
    public static byte[] Write(IEnumerable<FileResult> files)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("format", "verso-export/1");
            writer.WriteStartArray("files");
            foreach (var file in files.Where(f => f is { Status: not FileStatus.Invalid, Key: not null, Version: not null, Hash: not null }).OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("file", file.Path);
                writer.WriteString("kind", file.Key!.Kind);
                writer.WriteString("id", file.Key.Id);
                writer.WriteNumber("version", file.Version!.Value);
                writer.WriteString("hash", file.Hash!.Value.ToString());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return YamlRecordWriter.Write(document.RootElement, Shape);
    }

    /// <summary>
    /// The files the manifest in <paramref name="root"/> lists, by path: what the last export wrote there.
    /// Empty when there is no manifest, or when it cannot be read (then no file counts as written by an export).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, FileResult>> ReadAsync(ContainedDirectory root, CancellationToken cancellationToken)
    {
        var entries = new Dictionary<string, FileResult>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            var path = root.Resolve(FileName);
            if (!File.Exists(path))
            {
                return entries;
            }

            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is VersoException or IOException or UnauthorizedAccessException)
        {
            return entries;
        }

        try
        {
            using var document = JsonDocument.Parse(YamlRecordReader.ReadJson(bytes));
            if (!document.RootElement.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
            {
                return entries;
            }

            foreach (var file in files.EnumerateArray())
            {
                if (file.ValueKind == JsonValueKind.Object
                    && file.TryGetProperty("file", out var name) && name.ValueKind == JsonValueKind.String
                    && file.TryGetProperty("kind", out var kind) && EntityKey.IsValidKind(kind.GetString() ?? "")
                    && file.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                    && file.TryGetProperty("version", out var version) && version.TryGetInt32(out var number)
                    && file.TryGetProperty("hash", out var hash) && ContentHash.TryParse(hash.GetString(), out var contentHash))
                {
                    entries[name.GetString()!] = new FileResult(name.GetString()!, FileStatus.Unchanged, EntityKey.Create(kind.GetString()!, id.GetString()!), number, contentHash);
                }
            }
        }
        catch (Exception exception) when (exception is VersoException or JsonException)
        {
            // A manifest edited into something else protects nothing: every differing file then counts as a hand edit.
            entries.Clear();
        }

        return entries;
    }
}
