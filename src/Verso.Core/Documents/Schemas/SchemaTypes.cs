using System.Text.Json.Nodes;
using Verso.Documents.Pointers;

namespace Verso.Documents.Schemas;

// The "type" keyword as a set of JSON types, in which "number" includes "integer"; no "type" is every type.
internal static class SchemaTypes
{
    private static readonly string[] Every = ["array", "boolean", "integer", "null", "number", "object", "string"];

    public static void Compare(SchemaComparer comparer, JsonObject old, JsonObject @new, string path)
    {
        var (was, @is) = (Of(old["type"]), Of(@new["type"]));
        var (widened, narrowed) = (!Covers(was, @is), !Covers(@is, was));
        if (!widened && !narrowed)
        {
            return;
        }

        var (kind, effect) = (widened, narrowed) switch
        {
            (true, true) => ("type-changed", SchemaEffect.Incompatible),
            (true, false) => ("type-widened", SchemaEffect.Widens),
            _ => ("type-narrowed", SchemaEffect.Narrows),
        };
        comparer.Report(JsonPointer.Append(path, "type"), kind, effect, $"type {Text(old["type"])} → {Text(@new["type"])}");
    }

    // Whether every value of a type in `inner` is of a type in `outer`.
    private static bool Covers(string[] outer, string[] inner) =>
        inner.All(t => outer.Contains(t, StringComparer.Ordinal) || t == "integer" && outer.Contains("number", StringComparer.Ordinal));

    private static string[] Of(JsonNode? type) => type switch
    {
        null => Every,
        JsonArray many => [.. many.Select(SchemaComparer.Text).OfType<string>()],
        _ => SchemaComparer.Text(type) is { } one ? [one] : Every,
    };

    private static string Text(JsonNode? type) => type?.ToJsonString() ?? "any";
}
