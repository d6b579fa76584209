using System.Text.Json.Nodes;
using Verso.Documents.Merge;
using Verso.Documents.Pointers;

namespace Verso.Documents.Schemas;

// "enum" and "const" as one finite set of allowed values (const is a set of one); neither is every value.
internal static class SchemaValues
{
    public static void Compare(SchemaComparer comparer, JsonObject old, JsonObject @new, string path)
    {
        var (was, @is) = (Of(old), Of(@new));
        var at = JsonPointer.Append(path, @new.ContainsKey("const") || !@new.ContainsKey("enum") && old.ContainsKey("const") ? "const" : "enum");
        if (was is null && @is is null)
        {
            return;
        }

        if (was is null || @is is null)
        {
            var added = @is is not null;
            comparer.Report(at, added ? "enum-added" : "enum-removed", added ? SchemaEffect.Narrows : SchemaEffect.Widens,
                added ? $"only {List(@is!.Values)} accepted now" : "any value accepted now, not only the listed ones");
            return;
        }

        var removed = was.Where(p => !@is.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        var added2 = @is.Where(p => !was.ContainsKey(p.Key)).Select(p => p.Value).ToList();
        if (removed.Count == 0 && added2.Count == 0)
        {
            return;
        }

        var (kind, effect) = (removed.Count > 0, added2.Count > 0) switch
        {
            (true, true) => ("enum-changed", SchemaEffect.Incompatible),
            (true, false) => ("enum-narrowed", SchemaEffect.Narrows),
            _ => ("enum-widened", SchemaEffect.Widens),
        };
        var words = string.Join("; ", new[] { removed.Count > 0 ? $"removed {List(removed)}" : null, added2.Count > 0 ? $"added {List(added2)}" : null }.OfType<string>());
        comparer.Report(at, kind, effect, words);
    }

    // The allowed values by canonical text, so 1 and 1.0 or reordered members are one value.
    private static Dictionary<string, string>? Of(JsonObject schema)
    {
        if (schema.TryGetPropertyValue("const", out var constant))
        {
            var key = JsonIdentity.Key(constant);
            return new Dictionary<string, string>(StringComparer.Ordinal) { [key] = key };
        }

        if (schema["enum"] is not JsonArray values)
        {
            return null;
        }

        var set = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var key = JsonIdentity.Key(value);
            set[key] = key;
        }

        return set;
    }

    private static string List(IEnumerable<string> values) => string.Join(", ", values);
}
