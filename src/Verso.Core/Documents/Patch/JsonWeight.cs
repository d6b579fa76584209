using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Documents.Patch;

// What a value costs to hold, roughly in bytes of its JSON, and how deep it nests: measured without
// recursion, so a hostile document cannot overflow the stack while it is being measured.
internal static class JsonWeight
{
    public static long Of(JsonNode? node)
    {
        long weight = 0;
        var pending = new Stack<JsonNode?>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    weight += 2;
                    foreach (var (name, child) in obj)
                    {
                        weight += name.Length + 4;
                        pending.Push(child);
                    }

                    break;
                case JsonArray array:
                    weight += 2;
                    foreach (var child in array)
                    {
                        weight += 1;
                        pending.Push(child);
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    weight += value.GetValue<string>().Length + 2;
                    break;
                default:
                    weight += 8;
                    break;
            }
        }

        return weight;
    }

    public static int Depth(JsonNode? node)
    {
        var deepest = 0;
        var pending = new Stack<(JsonNode? Node, int Depth)>();
        pending.Push((node, 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            IEnumerable<JsonNode?> children = current switch
            {
                JsonObject obj => obj.Select(member => member.Value),
                JsonArray array => array,
                _ => [],
            };
            if (current is JsonObject or JsonArray)
            {
                deepest = Math.Max(deepest, depth + 1);
                foreach (var child in children)
                {
                    pending.Push((child, depth + 1));
                }
            }
        }

        return deepest;
    }
}
