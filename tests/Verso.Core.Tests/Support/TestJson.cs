using System.Text.Json;

namespace Verso.Core.Tests.Support;

/// <summary>
/// A JSON value as the property tests generate it: a plain tree that can be written as text in many
/// equivalent spellings and compared structurally, independently of the code under test.
/// </summary>
internal abstract record TestJson
{
    private TestJson()
    {
    }

    public sealed record Obj(IReadOnlyList<KeyValuePair<string, TestJson>> Members) : TestJson;

    public sealed record Arr(IReadOnlyList<TestJson> Items) : TestJson;

    public sealed record Str(string Value) : TestJson;

    public sealed record Num(double Value) : TestJson;

    /// <summary>true, false or null.</summary>
    public sealed record Lit(string Text) : TestJson;

    /// <summary>Reads a parsed value back into a tree (members in document order).</summary>
    public static TestJson From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new Obj(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, From(p.Value))).ToList()),
        JsonValueKind.Array => new Arr(element.EnumerateArray().Select(From).ToList()),
        JsonValueKind.String => new Str(element.GetString()!),
        JsonValueKind.Number => new Num(element.GetDouble()),
        JsonValueKind.True => new Lit("true"),
        JsonValueKind.False => new Lit("false"),
        _ => new Lit("null"),
    };

    /// <summary>JSON equality: members compared as an unordered map, numbers by value (0 equals -0).</summary>
    public static bool SameValue(TestJson left, TestJson right) => (left, right) switch
    {
        (Obj a, Obj b) => a.Members.Count == b.Members.Count && a.Members.All(m =>
            b.Members.Count(n => string.Equals(n.Key, m.Key, StringComparison.Ordinal)) == 1 &&
            SameValue(m.Value, b.Members.Single(n => string.Equals(n.Key, m.Key, StringComparison.Ordinal)).Value)),
        (Arr a, Arr b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => SameValue(p.First, p.Second)),
        (Str a, Str b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
        (Num a, Num b) => a.Value == b.Value,
        (Lit a, Lit b) => a.Text == b.Text,
        _ => false,
    };
}
