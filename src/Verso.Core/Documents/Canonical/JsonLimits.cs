using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Documents.Canonical;

/// <summary>
/// The one nesting limit every JSON reader and writer in Verso uses: <see cref="CanonicalJson.MaxDepth"/>.
/// What <c>save</c> accepts, every command can read, diff, patch and print (System.Text.Json's own default
/// of 64 would make a record nested 65 deep storable but unreadable).
/// </summary>
public static class JsonLimits
{
    /// <summary>Parsing options for <see cref="JsonDocument"/> and <see cref="JsonNode"/>.</summary>
    public static readonly JsonDocumentOptions Document = new() { MaxDepth = CanonicalJson.MaxDepth };

    /// <summary>Serializer options for writing <see cref="JsonNode"/> trees (default escaping, the same depth).</summary>
    // Writers count the level they are about to open, so one more than the readers' limit writes every value they accept.
    public static readonly JsonSerializerOptions Serializer = new() { MaxDepth = CanonicalJson.MaxDepth + 1 };

    /// <summary>Writer options with the same depth.</summary>
    public static readonly JsonWriterOptions Writer = new() { MaxDepth = CanonicalJson.MaxDepth + 1 };

    /// <summary>Parses JSON that Verso wrote or checked into a node, within the one depth limit.</summary>
    public static JsonNode? ParseNode(ReadOnlySpan<byte> utf8Json) => JsonNode.Parse(utf8Json, documentOptions: Document);

    /// <summary>A node as compact JSON text, within the one depth limit.</summary>
    public static string ToJson(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Serializer);
    }

    /// <summary>A node as UTF-8 JSON, within the one depth limit.</summary>
    // Written by the node itself rather than through JsonSerializer, which needs type metadata (reflection,
    // or a source-generated context) that a NativeAOT build of the CLI does not carry.
    public static byte[] ToUtf8(JsonNode? node) => Write(writer =>
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer);
        }
    });

    /// <summary>An element as UTF-8 JSON, within the one depth limit.</summary>
    public static byte[] ToUtf8(JsonElement element) => Write(element.WriteTo);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
