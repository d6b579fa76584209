using System.Buffers;
using System.Text.Json;

namespace Verso.Server.Mcp.Tools;

/// <summary>Builds a tool's structured result with the same JSON writers the REST API answers with.</summary>
internal static class ToolJson
{
    public static JsonElement Object(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>A schema or other constant document, parsed once.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
