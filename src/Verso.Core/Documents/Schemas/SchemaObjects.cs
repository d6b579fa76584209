using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Pointers;

namespace Verso.Documents.Schemas;

// "properties", "required" and "additionalProperties", compared together: whether a removed property was
// required, or whether an added one was allowed before, decides what its change does.
internal static class SchemaObjects
{
    public static void Compare(SchemaComparer comparer, JsonObject old, JsonObject @new, string path)
    {
        var (was, @is) = (old["properties"] as JsonObject ?? [], @new["properties"] as JsonObject ?? []);
        var (wasRequired, isRequired) = (Required(old), Required(@new));
        var wasClosed = old["additionalProperties"] is JsonValue closed && closed.GetValueKind() == JsonValueKind.False;
        var properties = JsonPointer.Append(path, "properties");
        foreach (var (name, schema) in was)
        {
            var at = JsonPointer.Append(properties, name);
            if (@is.TryGetPropertyValue(name, out var now))
            {
                comparer.Node(schema, now, at);
            }
            else if (wasRequired.Contains(name))
            {
                comparer.Report(at, "required-property-removed", SchemaEffect.Incompatible, $"required property '{name}' removed");
            }
            else
            {
                comparer.Report(at, "property-removed", SchemaEffect.OptionalPropertyRemoved, $"optional property '{name}' removed");
            }
        }

        foreach (var (name, _) in @is.Where(p => !was.ContainsKey(p.Key)))
        {
            var at = JsonPointer.Append(properties, name);
            if (isRequired.Contains(name))
            {
                comparer.Report(at, "required-property-added", SchemaEffect.Narrows, $"required property '{name}' added");
            }
            else
            {
                // Readers of an open object already had to expect members they do not know; of a closed one, not.
                comparer.Report(at, "property-added", wasClosed ? SchemaEffect.Widens : SchemaEffect.Harmless, $"optional property '{name}' added");
            }
        }

        var required = JsonPointer.Append(path, "required");
        foreach (var name in isRequired.Where(n => !wasRequired.Contains(n) && !(@is.ContainsKey(n) && !was.ContainsKey(n))))
        {
            comparer.Report(required, "required-added", SchemaEffect.Narrows, $"'{name}' is required now");
        }

        foreach (var name in wasRequired.Where(n => !isRequired.Contains(n) && !(was.ContainsKey(n) && !@is.ContainsKey(n))))
        {
            comparer.Report(required, "required-removed", SchemaEffect.Widens, $"'{name}' is optional now");
        }

        var (wasMore, isMore) = (old["additionalProperties"], @new["additionalProperties"]);
        if (wasMore is not null || isMore is not null)
        {
            comparer.Node(wasMore, isMore, JsonPointer.Append(path, "additionalProperties"));
        }
    }

    private static SortedSet<string> Required(JsonObject schema) =>
        new(schema["required"] is JsonArray names ? names.Select(SchemaComparer.Text).OfType<string>() : [], StringComparer.Ordinal);
}
