using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verso.Cli.Infrastructure;

/// <summary>Writes the one JSON document a <c>--json</c> command prints.</summary>
internal static class JsonOutput
{
    // Non-ASCII text stays readable; this is output for a terminal or a pipe, never embedded in HTML.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(CliConsole console, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(console.OutputStream, Options))
        {
            write(writer);
        }

        console.OutputStream.WriteByte((byte)'\n');
        console.OutputStream.Flush();
    }

    /// <summary>Writes one of the wire contracts, serialized as the API serializes it.</summary>
    public static void Write<T>(CliConsole console, T value) =>
        Write(console, writer => JsonSerializer.Serialize(writer, value, Contracts.VersoJson.TypeInfo<T>()));

    /// <summary>Re-indents JSON for people, keeping property order and non-ASCII text as they are.</summary>
    public static string Indent(ReadOnlyMemory<byte> json)
    {
        using var document = JsonDocument.Parse(json, Documents.Canonical.JsonLimits.Document);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options with { Indented = true, MaxDepth = Documents.Canonical.CanonicalJson.MaxDepth + 1 }))
        {
            document.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
