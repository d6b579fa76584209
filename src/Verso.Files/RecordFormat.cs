using System.Collections.Frozen;
using System.Text.Json;
using Verso.Agents.Validation;
using Verso.Documents.Canonical;
using Verso.Files.Errors;
using Verso.Files.Markdown;
using Verso.Files.Yaml;
using Verso.Model.Kinds;
using Verso.Versioning;

namespace Verso.Files;

/// <summary>
/// Turns records into file bytes and file bytes back into records: YAML for every kind, Markdown for kinds
/// whose record has a prose body (an agent's charter); JSON files are read too. Writing the canonical content of a version and
/// reading the bytes back gives the same canonical bytes, so the same hash.
/// </summary>
public static class RecordFormat
{
    // Kinds written as Markdown, and the string member that is the body.
    private static readonly FrozenDictionary<string, string> MarkdownBodies =
        new Dictionary<string, string>(StringComparer.Ordinal) { ["agent"] = "charter" }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether records of <paramref name="kind"/> can be Markdown files (their prose as the body).</summary>
    public static bool HasMarkdownBody(string kind) => MarkdownBodies.ContainsKey(kind);

    /// <summary>Writes a record of <paramref name="kind"/> in <paramref name="format"/>, fields in the order its record declares them.</summary>
    /// <param name="kind">The record's kind; its validator's shape orders the fields.</param>
    /// <param name="format">YAML, or Markdown for a kind with a prose body.</param>
    /// <param name="json">The record as JSON, normally a version's canonical content.</param>
    /// <exception cref="ArgumentException">The JSON is not an object, or Markdown was asked for a kind without a body.</exception>
    public static byte[] Write(EntityKind kind, RecordFileFormat format, ReadOnlyMemory<byte> json)
    {
        ArgumentNullException.ThrowIfNull(kind);
        using var document = JsonDocument.Parse(json, Documents.Canonical.JsonLimits.Document);
        var record = document.RootElement;
        var shape = record.ValueKind == JsonValueKind.Object && kind.Validator is IRecordShapes shapes ? shapes.ShapeOf(record) : null;
        if (format == RecordFileFormat.Yaml)
        {
            return YamlRecordWriter.Write(record, shape);
        }

        if (format == RecordFileFormat.Json)
        {
            throw new ArgumentException("records are written as YAML or Markdown; JSON is only read", nameof(format));
        }

        return MarkdownBodies.TryGetValue(kind.Name, out var body)
            ? MarkdownRecord.Write(record, body, shape)
            : throw new ArgumentException($"{kind.Name} records have no Markdown form", nameof(format));
    }

    /// <summary>Reads a record file of <paramref name="kind"/> as UTF-8 JSON, not yet canonical nor validated.</summary>
    /// <exception cref="RecordFileException">The bytes are not a record in that format.</exception>
    public static byte[] ReadJson(string kind, RecordFileFormat format, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (format == RecordFileFormat.Yaml)
        {
            return YamlRecordReader.ReadJson(bytes);
        }

        if (format == RecordFileFormat.Json)
        {
            // JSON is read as it is: the canonicalizer parses it and refuses what has no canonical form.
            return (bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes).ToArray();
        }

        return MarkdownBodies.TryGetValue(kind, out var body)
            ? MarkdownRecord.ReadJson(bytes, body)
            : throw new RecordFileException($"{kind} records have no Markdown form; write them as .yaml");
    }

    /// <summary>Reads the record file at <paramref name="path"/> as the canonical content a version of it would have.</summary>
    /// <exception cref="RecordFileException">The bytes are not a record in the path's format.</exception>
    /// <exception cref="Verso.Errors.CanonicalJsonException">The record has no canonical form or is not an object.</exception>
    /// <exception cref="Verso.Errors.InvalidRecordException">The kind's validator found problems.</exception>
    public static CanonicalDocument Read(VersioningService service, RecordPath path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(path);
        return service.Canonicalize(path.Key.Kind, ReadJson(path.Key.Kind, path.Format, bytes));
    }

    /// <summary>
    /// Reads a record file of <paramref name="kind"/> found anywhere (a repository path, say), its format
    /// from its extension, as canonical content.
    /// </summary>
    /// <param name="service">Canonicalizes and validates for the kind.</param>
    /// <param name="kind">The record's kind.</param>
    /// <param name="fileName">The file's name or path; <c>.md</c> means Markdown, <c>.json</c> JSON, anything else YAML.</param>
    /// <param name="bytes">The file's bytes.</param>
    /// <exception cref="RecordFileException">The bytes are not a record in that format.</exception>
    /// <exception cref="Verso.Errors.CanonicalJsonException">The record has no canonical form or is not an object.</exception>
    /// <exception cref="Verso.Errors.InvalidRecordException">The kind's validator found problems.</exception>
    public static CanonicalDocument Read(VersioningService service, string kind, string fileName, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(fileName);
        return service.Canonicalize(kind, ReadJson(kind, FormatOf(fileName), bytes));
    }

    /// <summary>The format a file's extension names: <c>.md</c> Markdown, <c>.json</c> JSON, anything else YAML.</summary>
    public static RecordFileFormat FormatOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? RecordFileFormat.Markdown
            : fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? RecordFileFormat.Json
            : RecordFileFormat.Yaml;
    }
}
