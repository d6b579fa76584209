using System.Buffers;
using System.Text.Json;
using Verso.Agents.Validation;
using Verso.Files.Errors;
using Verso.Files.Text;
using Verso.Files.Yaml;

namespace Verso.Files.Markdown;

/// <summary>
/// A record as a Markdown file: <c>---</c>, the structured fields as YAML front matter, <c>---</c>, then
/// one prose field (an agent's charter) as the body, byte for byte. A record without that field has an
/// empty body; an empty-string field, which an empty body could not tell apart, stays in the front matter.
/// </summary>
public static class MarkdownRecord
{
    /// <summary>Writes <paramref name="record"/> with its <paramref name="bodyMember"/> as the body.</summary>
    /// <param name="record">A JSON object.</param>
    /// <param name="bodyMember">The string member written as the body, e.g. <c>charter</c>.</param>
    /// <param name="shape">The record's declared members, giving the front matter's order; null for canonical order.</param>
    /// <exception cref="ArgumentException">The record is not an object.</exception>
    public static byte[] Write(JsonElement record, string bodyMember, ObjectShape? shape = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(bodyMember);
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("a Markdown record is a JSON object", nameof(record));
        }

        var body = record.TryGetProperty(bodyMember, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
        using var frontMatter = JsonDocument.Parse(Without(record, body is null ? null : bodyMember), Documents.Canonical.JsonLimits.Document);
        var yaml = YamlRecordWriter.Write(frontMatter.RootElement, shape);
        return [.. "---\n"u8, .. yaml, .. "---\n"u8, .. Utf8Text.Encode(body ?? "")];
    }

    /// <summary>Reads a Markdown record file as UTF-8 JSON (not yet canonical): the front matter's fields plus the body.</summary>
    /// <exception cref="RecordFileException">No front matter, front matter that is not a YAML mapping, the field in both places, or bytes that are not UTF-8.</exception>
    public static byte[] ReadJson(ReadOnlySpan<byte> bytes, string bodyMember)
    {
        ArgumentException.ThrowIfNullOrEmpty(bodyMember);
        // A byte order mark before the front matter is an editor's; it belongs to neither part.
        var file = bytes.StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
        var open = DelimiterLength(file);
        if (open == 0)
        {
            throw new RecordFileException("the file must start with a '---' line, then YAML front matter and another '---' line", 1);
        }

        var (frontMatterLength, closeLength, closeLine) = FindClose(file[open..]);
        var yaml = file.Slice(open, frontMatterLength);
        var body = Utf8Text.Decode(file[(open + frontMatterLength + closeLength)..]);
        using var fields = JsonDocument.Parse(IsBlank(yaml) ? "{}"u8.ToArray() : YamlRecordReader.ReadJson(yaml, firstLine: 2), Documents.Canonical.JsonLimits.Document);
        if (fields.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new RecordFileException("the front matter must be a YAML mapping of field names to values", 2);
        }

        if (body.Length > 0 && fields.RootElement.TryGetProperty(bodyMember, out _))
        {
            throw new RecordFileException($"'{bodyMember}' is both in the front matter and the body; keep one", closeLine);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in fields.RootElement.EnumerateObject())
            {
                member.WriteTo(writer);
            }

            if (body.Length > 0)
            {
                writer.WriteString(bodyMember, body);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The length of a <c>---</c> line at the start, with its LF or CRLF; 0 when there is none.</summary>
    private static int DelimiterLength(ReadOnlySpan<byte> text) =>
        text.StartsWith("---\n"u8) ? 4 : text.StartsWith("---\r\n"u8) ? 5 : 0;

    /// <summary>Finds the closing <c>---</c> line: the front matter's length, the delimiter's length and its line number.</summary>
    private static (int FrontMatter, int Delimiter, int Line) FindClose(ReadOnlySpan<byte> text)
    {
        var line = 2;
        for (var start = 0; start <= text.Length;)
        {
            var rest = text[start..];
            if (rest.SequenceEqual("---"u8) || rest.SequenceEqual("---\r"u8))
            {
                return (start, rest.Length, line);
            }

            if (DelimiterLength(rest) is > 0 and var length)
            {
                return (start, length, line);
            }

            var newline = rest.IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            start += newline + 1;
            line++;
        }

        throw new RecordFileException("the front matter is never closed by a '---' line", line);
    }

    private static bool IsBlank(ReadOnlySpan<byte> text) => text.TrimStart(" \t\r\n"u8).IsEmpty;

    private static byte[] Without(JsonElement record, string? member)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in record.EnumerateObject().Where(p => p.Name != member))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
