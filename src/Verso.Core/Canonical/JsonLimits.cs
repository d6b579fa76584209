using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Canonical;

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
    public static byte[] ToUtf8(JsonNode? node) => JsonSerializer.SerializeToUtf8Bytes(node, Serializer);
}
