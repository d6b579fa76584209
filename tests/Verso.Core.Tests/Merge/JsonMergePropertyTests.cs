using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Support;
using Verso.Documents.Merge;
using static Verso.Core.Tests.Merge.MergeJson;

namespace Verso.Core.Tests.Merge;

/// <summary>Invariants of the JSON merge over arbitrary values.</summary>
public sealed class JsonMergePropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(200);

    private static readonly Arbitrary<(TestJson Base, TestJson Changed)> Pairs =
        Arb.From(ArbitraryJson.Values.Generator.Zip(ArbitraryJson.Values.Generator));

    // An edit is a new value for a member, or its removal (null).
    private static readonly Gen<TestJson?> EditValue = Gen.Frequency(
        (1, Gen.Constant<TestJson?>(null)),
        (4, ArbitraryJson.Values.Generator.Select(value => (TestJson?)value)));

    [Fact]
    public void WhenTheyChangedNothingTheMergeIsOursAndClean()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair => IsCleanAndEqual(Merge(pair.Base, pair.Changed, pair.Base), pair.Changed)));
    }

    [Fact]
    public void WhenWeChangedNothingTheMergeIsTheirsAndClean()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair => IsCleanAndEqual(Merge(pair.Base, pair.Base, pair.Changed), pair.Changed)));
    }

    [Fact]
    public void WhenBothMadeTheSameChangeTheMergeIsThatChangeAndClean()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair => IsCleanAndEqual(Merge(pair.Base, pair.Changed, pair.Changed), pair.Changed)));
    }

    [Fact]
    public void EditsToDifferentMembersCommuteAndBothLand()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(TwoEdits(distinctKeys: true)), edits =>
        {
            var expected = Apply(Apply(Node(edits.Base), edits.KeyA, edits.ValueA), edits.KeyB, edits.ValueB);
            var ours = Apply(Node(edits.Base), edits.KeyA, edits.ValueA);
            var theirs = Apply(Node(edits.Base), edits.KeyB, edits.ValueB);

            var oursFirst = JsonMerge.Merge(Node(edits.Base), ours, theirs);
            var theirsFirst = JsonMerge.Merge(Node(edits.Base), theirs, ours);

            return oursFirst.IsClean && theirsFirst.IsClean
                && CanonicalText(oursFirst.Merged) == CanonicalText(expected)
                && CanonicalText(theirsFirst.Merged) == CanonicalText(expected);
        }));
    }

    [Fact]
    public void SwappingOursAndTheirsGivesTheSameMergeAndTheSameConflictPaths()
    {
        // Keys may coincide here, so some edits conflict; without keyed arrays nothing favours a side.
        Check.One(Cases, Prop.ForAll(Arb.From(TwoEdits(distinctKeys: false)), edits =>
        {
            var ours = Apply(Node(edits.Base), edits.KeyA, edits.ValueA);
            var theirs = Apply(Node(edits.Base), edits.KeyB, edits.ValueB);

            var forward = JsonMerge.Merge(Node(edits.Base), ours, theirs);
            var backward = JsonMerge.Merge(Node(edits.Base), theirs, ours);

            return CanonicalText(forward.Merged) == CanonicalText(backward.Merged)
                && forward.Conflicts.Select(c => c.Path).Order(StringComparer.Ordinal)
                    .SequenceEqual(backward.Conflicts.Select(c => c.Path).Order(StringComparer.Ordinal));
        }));
    }

    private static MergeResult Merge(TestJson @base, TestJson ours, TestJson theirs) =>
        JsonMerge.Merge(Node(@base), Node(ours), Node(theirs));

    private static bool IsCleanAndEqual(MergeResult result, TestJson expected) =>
        result.IsClean && CanonicalText(result.Merged) == CanonicalText(Node(expected));

    private static JsonNode? Node(TestJson value) => JsonNode.Parse(TestJsonWriter.Plain(value));

    private static JsonNode Apply(JsonNode? target, string key, TestJson? value)
    {
        var obj = target!.AsObject();
        if (value is null)
        {
            obj.Remove(key);
        }
        else
        {
            obj[key] = Node(value);
        }

        return obj;
    }

    private static Gen<TwoMemberEdits> TwoEdits(bool distinctKeys) =>
        from count in Gen.Choose(0, 6)
        from names in ArbitraryJson.Strings.ListOf(count)
        from values in ArbitraryJson.Values.Generator.ListOf(count)
        let members = names.Zip(values, KeyValuePair.Create).DistinctBy(m => m.Key, StringComparer.Ordinal).ToList()
        from keyA in KeyOf(members)
        from keyB in KeyOf(members).Where(key => !distinctKeys || !string.Equals(key, keyA, StringComparison.Ordinal))
        from valueA in EditValue
        from valueB in EditValue
        select new TwoMemberEdits(new TestJson.Obj(members), keyA, valueA, keyB, valueB);

    // An existing member or, as often, a new one.
    private static Gen<string> KeyOf(List<KeyValuePair<string, TestJson>> members) => members.Count == 0
        ? ArbitraryJson.Strings
        : Gen.OneOf(Gen.Elements(members.Select(m => m.Key).ToArray()), ArbitraryJson.Strings);

    private sealed record TwoMemberEdits(TestJson.Obj Base, string KeyA, TestJson? ValueA, string KeyB, TestJson? ValueB);
}
