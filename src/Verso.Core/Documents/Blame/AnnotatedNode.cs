using System.Text.Json.Nodes;

namespace Verso.Documents.Blame;

// The current document with an origin on every leaf and every line of a multi-line string.
// Each kind of node is a small class below; history updates the tree version by version.
internal abstract class AnnotatedNode
{
    public sealed class LeafNode(JsonNode? value, BlameOrigin origin, List<(string Text, BlameOrigin Origin)>? lines) : AnnotatedNode
    {
        public JsonNode? Value { get; } = value;

        public BlameOrigin Origin { get; } = origin;

        public List<(string Text, BlameOrigin Origin)>? Lines { get; } = lines;
    }

    public sealed class ObjectNode(List<KeyValuePair<string, AnnotatedNode>> members, BlameOrigin origin) : AnnotatedNode
    {
        public List<KeyValuePair<string, AnnotatedNode>> Members { get; } = members;

        // When the object was created: what an empty object is blamed on.
        public BlameOrigin Origin { get; } = origin;
    }

    public sealed class ArrayNode(List<(JsonNode? Value, AnnotatedNode Node)> items, BlameOrigin origin) : AnnotatedNode
    {
        public List<(JsonNode? Value, AnnotatedNode Node)> Items { get; } = items;

        // When the array was created: what an empty array is blamed on.
        public BlameOrigin Origin { get; } = origin;
    }
}
