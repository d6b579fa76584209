using System.Globalization;
using System.Text.Json.Nodes;

namespace Verso.Documents.Schemas;

// Numeric, string, array and object bounds: a raised lower bound or a lowered upper bound accepts less.
internal static class SchemaBounds
{
    public static string[] Lower { get; } = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];

    public static string[] Upper { get; } = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];

    public static void Compare(SchemaComparer comparer, JsonObject before, JsonObject after, string path)
    {
        foreach (var keyword in Lower)
        {
            Bound(comparer, before, after, path, keyword, lower: true);
        }

        foreach (var keyword in Upper)
        {
            Bound(comparer, before, after, path, keyword, lower: false);
        }

        MultipleOf(comparer, before, after, path);
        var (wasUnique, isUnique) = (IsTrue(before["uniqueItems"]), IsTrue(after["uniqueItems"]));
        if (wasUnique != isUnique)
        {
            comparer.Report(Pointer(path, "uniqueItems"), isUnique ? "unique-items-added" : "unique-items-removed",
                isUnique ? SchemaEffect.Narrows : SchemaEffect.Widens, isUnique ? "items must now be unique" : "items may now repeat");
        }
    }

    private static void Bound(SchemaComparer comparer, JsonObject before, JsonObject after, string path, string keyword, bool lower)
    {
        var (old, @new) = (Number(before[keyword]), Number(after[keyword]));
        if (old == @new)
        {
            return;
        }

        var at = Pointer(path, keyword);
        if (old is null || @new is null)
        {
            var added = @new is not null;
            comparer.Report(at, added ? "bound-added" : "bound-removed", added ? SchemaEffect.Narrows : SchemaEffect.Widens,
                added ? $"{keyword} {Text(@new)} added" : $"{keyword} {Text(old)} removed");
            return;
        }

        var tighter = lower ? @new > old : @new < old;
        comparer.Report(at, tighter ? "bound-tightened" : "bound-relaxed", tighter ? SchemaEffect.Narrows : SchemaEffect.Widens,
            $"{keyword} {Text(old)} → {Text(@new)}");
    }

    private static void MultipleOf(SchemaComparer comparer, JsonObject before, JsonObject after, string path)
    {
        var (old, @new) = (Number(before["multipleOf"]), Number(after["multipleOf"]));
        if (old == @new)
        {
            return;
        }

        var at = Pointer(path, "multipleOf");
        SchemaEffect effect;
        string kind;
        if (old is null || @new is null)
        {
            (effect, kind) = @new is null ? (SchemaEffect.Widens, "bound-removed") : (SchemaEffect.Narrows, "bound-added");
        }
        else if (IsWhole(@new.Value / old.Value))
        {
            // Multiples of 4 are multiples of 2: fewer values pass.
            (effect, kind) = (SchemaEffect.Narrows, "bound-tightened");
        }
        else
        {
            (effect, kind) = IsWhole(old.Value / @new.Value) ? (SchemaEffect.Widens, "bound-relaxed") : (SchemaEffect.Incompatible, "bound-changed");
        }

        comparer.Report(at, kind, effect, $"multipleOf {Text(old)} → {Text(@new)}");
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;

    // Read from the JSON text, so a value built in code (an int) reads like a parsed one.
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
        && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    private static bool IsTrue(JsonNode? node) => node is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static string Text(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "none";

    private static string Pointer(string path, string keyword) => Pointers.JsonPointer.Append(path, keyword);
}
