using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Contracts.Json;

namespace Verso.Server.Wire;

/// <summary>JSON values of Core's results (parsed nodes) as the contracts carry them: the bytes Verso always wrote for them.</summary>
public static class WireJson
{
    // As every answer: non-ASCII text stays readable (the body is JSON, never HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly RawJson Null = new("null"u8.ToArray());

    /// <summary>A value, or JSON <c>null</c> for a null node.</summary>
    public static RawJson Of(JsonNode? value)
    {
        if (value is null)
        {
            return Null;
        }

        // A node keeps the text of the numbers it was parsed from, so 2.50 stays 2.50 as it did when written directly.
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            value.WriteTo(writer);
        }

        return new RawJson(buffer.WrittenMemory);
    }

    /// <summary>A value when <paramref name="present"/>, else null (the member is left out).</summary>
    public static RawJson? OfPresent(JsonNode? value, bool present) => present ? Of(value) : null;
}
