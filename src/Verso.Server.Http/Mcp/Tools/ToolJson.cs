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

    /// <summary>A structured result that is one of the wire contracts, as the REST API answers it.</summary>
    public static JsonElement Of<T>(T value)
    {
        using var document = JsonDocument.Parse(Contracts.VersoJson.ToUtf8Bytes(value));
        return document.RootElement.Clone();
    }

    /// <summary>Writes one of the wire contracts as the value being written (an array's item, a property's value).</summary>
    public static void Write<T>(Utf8JsonWriter writer, T value) => JsonSerializer.Serialize(writer, value, Contracts.VersoJson.TypeInfo<T>());

    /// <summary>A schema or other constant document, parsed once.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
