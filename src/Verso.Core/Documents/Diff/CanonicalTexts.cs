using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Errors;

namespace Verso.Documents.Diff;

// A comparison key per node: two nodes get the same key exactly when their RFC 8785 canonical forms are
// equal, so array items can be matched by key. The key is built straight from the tree (strings and names
// length-prefixed, numbers in their canonical spelling, members in ordinal order) rather than by writing
// each item out and canonicalizing it, which cost a parse and a write per item. Keys of objects and arrays
// are kept per node instance: one diff may ask for the same item more than once.
internal sealed class CanonicalTexts
{
    private readonly Dictionary<JsonNode, string> _keys = new(ReferenceEqualityComparer.Instance);

    // A JsonValue built from a JsonElement can hold a JSON null; treating it like a null node keeps
    // "null" one kind whichever way the document was built.
    public static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    public string Of(JsonNode? node)
    {
        if (node is not (JsonObject or JsonArray))
        {
            var scalar = new StringBuilder();
            AppendKey(node, scalar);
            return scalar.ToString();
        }

        if (!_keys.TryGetValue(node, out var key))
        {
            var builder = new StringBuilder();
            AppendKey(node, builder);
            key = builder.ToString();
            _keys[node] = key;
        }

        return key;
    }

    public bool Equal(JsonNode? left, JsonNode? right) =>
        ReferenceEquals(left, right) || string.Equals(Of(left), Of(right), StringComparison.Ordinal);

    private static void AppendKey(JsonNode? node, StringBuilder key)
    {
        switch (KindOf(node))
        {
            case JsonValueKind.Object:
                key.Append('{');
                foreach (var (name, value) in node!.AsObject().OrderBy(member => member.Key, StringComparer.Ordinal))
                {
                    AppendString(name, key);
                    AppendKey(value, key);
                }

                key.Append('}');
                break;
            case JsonValueKind.Array:
                key.Append('[');
                foreach (var item in node!.AsArray())
                {
                    AppendKey(item, key);
                }

                key.Append(']');
                break;
            case JsonValueKind.String:
                key.Append('s');
                AppendString(node!.GetValue<string>(), key);
                break;
            case JsonValueKind.Number:
                key.Append('#').Append(CanonicalNumber(node!)).Append(';');
                break;
            case JsonValueKind.True:
                key.Append('t');
                break;
            case JsonValueKind.False:
                key.Append('f');
                break;
            default:
                key.Append('n');
                break;
        }
    }

    // Length-prefixed, so no string can run into what follows it. A lone surrogate has no canonical form.
    private static void AppendString(string text, StringBuilder key)
    {
        if (HasLoneSurrogate(text))
        {
            throw new CanonicalJsonException("a string holds a lone surrogate, which has no canonical form");
        }

        key.Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(text);
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string CanonicalNumber(JsonNode number)
    {
        var token = Encoding.UTF8.GetBytes(number.ToJsonString());
        Span<byte> canonical = stackalloc byte[EcmaScriptNumberFormatter.MaxLength];
        return EcmaScriptNumberFormatter.TryFormat(token, canonical, out var written)
            ? Encoding.UTF8.GetString(canonical[..written])
            : throw new CanonicalJsonException($"the number {Encoding.UTF8.GetString(token)} is too large for canonical JSON");
    }
}
