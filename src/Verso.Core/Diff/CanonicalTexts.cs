using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Canonical;

namespace Verso.Diff;

// The RFC 8785 text of nodes, kept per node instance: array items are compared by it, and one diff may
// ask for the same item more than once (an equality check, then the item-by-item comparison).
internal sealed class CanonicalTexts
{
    private readonly Dictionary<JsonNode, string> _texts = new(ReferenceEqualityComparer.Instance);

    // A JsonValue built from a JsonElement can hold a JSON null; treating it like a null node keeps
    // "null" one kind whichever way the document was built.
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public string Of(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        if (!_texts.TryGetValue(node, out var text))
        {
            text = Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString())));
            _texts[node] = text;
        }

        return text;
    }

    public bool Equal(JsonNode? left, JsonNode? right) =>
        ReferenceEquals(left, right) || string.Equals(Of(left), Of(right), StringComparison.Ordinal);
}
