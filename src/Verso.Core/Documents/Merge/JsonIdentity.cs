using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Errors;

namespace Verso.Documents.Merge;

// Equality of JSON values as the rest of Verso sees it: by canonical form, so 1.0 equals 1 and member
// order never matters; the canonical text doubles as a hash key for set items and identity keys.
internal static class JsonIdentity
{
    public static string Key(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        try
        {
            return Encoding.UTF8.GetString(CanonicalJson.Canonicalize(buffer.WrittenSpan));
        }
        catch (CanonicalJsonException)
        {
            // A value with no canonical form (a lone surrogate, a number beyond double) can still be
            // merged; its written text, marked so it never equals a canonical key, stands in for it.
            return "\0" + Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }
}
