using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Core.Tests.Diff.Support;
using Verso.Documents.Diff;
using Verso.Documents.Patch;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Diff;

/// <summary>The patches of <see cref="JsonPatchBuilder"/>: small, ordered, and exact when applied.</summary>
public sealed class JsonPatchBuilderTests
{
    private static readonly DiffRules NodesById = DiffRules.Default with { IdentityKeys = DiffRules.Default.IdentityKeys.Add("/nodes", "id") };

    [Fact]
    public void EqualValuesGiveAnEmptyPatch()
    {
        Assert.Empty(Patch("""{"a":[1,{"b":"x\ny"}]}""", """{"a":[1.0,{"b":"x\ny"}]}"""));
    }

    [Fact]
    public void ObjectMembersAreRemovedAddedAndReplacedOneByOne()
    {
        Assert.Equal(
            ["remove /b", "replace /c 4", "add /d~1e {\"f\":5}"],
            Show(Patch("""{"a":1,"b":2,"c":3}""", """{"a":1,"c":4,"d/e":{"f":5}}""")));
    }

    [Fact]
    public void AChangeOfTypeOrOfTheWholeValueIsOneReplace()
    {
        Assert.Equal(["replace /a [1]"], Show(Patch("""{"a":{"x":1}}""", """{"a":[1]}""")));
        Assert.Equal(["replace  [1]"], Show(Patch("""{"a":1}""", "[1]")));
    }

    [Fact]
    public void SequenceRemovalsGoFromTheHighestIndexDownAndAdditionsFromTheLowestUp()
    {
        Assert.Equal(["remove /4", "remove /2", "remove /0"], Show(Patch("[0,1,2,3,4]", "[1,3]")));
        Assert.Equal(["add /0 \"a\"", "add /2 \"b\"", "add /5 \"c\""], Show(Patch("[1,2,3]", "[\"a\",1,\"b\",2,3,\"c\"]")));
    }

    [Fact]
    public void AnEditInsideASequenceItemIsPatchedInsideTheItemAtItsNewIndex()
    {
        Assert.Equal(
            ["remove /0", "add /1 0", "replace /2/n \"c\""],
            Show(Patch("""[9,{"id":1},{"id":2,"n":"b"}]""", """[{"id":1},0,{"id":2,"n":"c"}]""")));
    }

    [Fact]
    public void AKeyedReorderIsOneMove()
    {
        Assert.Equal(
            ["move /nodes/4 /nodes/1"],
            Show(Patch(
                """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"},{"id":"e"}]}""",
                """{"nodes":[{"id":"a"},{"id":"e"},{"id":"b"},{"id":"c"},{"id":"d"}]}""",
                NodesById)));
    }

    [Fact]
    public void AKeyedArrayIsPatchedByRemovalsThenMovesThenAdditionsThenFieldEdits()
    {
        Assert.Equal(
            ["remove /nodes/1", "move /nodes/2 /nodes/0", "add /nodes/2 {\"id\":\"e\"}", "replace /nodes/0/label \"D\""],
            Show(Patch(
                """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d","label":"d"}]}""",
                """{"nodes":[{"id":"d","label":"D"},{"id":"a"},{"id":"e"},{"id":"c"}]}""",
                NodesById)));
    }

    [Fact]
    public void AMultiLineStringIsReplacedWhole()
    {
        Assert.Equal(["replace /c \"a\\nB\\nc\\n\""], Show(Patch("""{"c":"a\nb\nc\n"}""", """{"c":"a\nB\nc\n"}""")));
    }

    [Fact]
    public void AnArrayBeyondTheCostBoundIsOneReplace()
    {
        var rules = DiffRules.Default with { MaxArrayDiffCost = 50 };
        var left = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)i)]);
        var right = new JsonArray([.. Enumerable.Range(1, 100).Select(i => (JsonNode)i)]);

        var operation = Assert.Single(JsonPatchBuilder.Create(left, right, rules));

        Assert.Equal((PatchOperationType.Replace, ""), (operation.Op, operation.Path));
        Assert.Equal(CanonicalText(right), CanonicalText(operation.Value));
    }

    [Fact]
    public void TwentyThousandKeyedItemsArePatchedItemByItem()
    {
        var (left, right) = KeyedArrayDiffTests.LargeNodes();
        var rules = DiffRules.Default with { IdentityKeys = DiffRules.Default.IdentityKeys.Add("/nodes", "id") };

        var patch = JsonPatchBuilder.Create(left, right, rules);

        Assert.Equal(20, patch.Count(o => o.Op == PatchOperationType.Remove));
        Assert.Equal(10, patch.Count(o => o.Op == PatchOperationType.Move));
        Assert.Equal(20, patch.Count(o => o.Op == PatchOperationType.Add));
        Assert.Equal(200, patch.Count(o => o.Op == PatchOperationType.Replace));
        Assert.Equal(CanonicalText(right), CanonicalText(Apply(left, patch)));
    }

    [Fact]
    public void ThePatchSharesNoNodeWithTheInputs()
    {
        var right = Parse("""{"a":{"b":[1]}}""");

        var operation = Assert.Single(JsonPatchBuilder.Create(Parse("{}"), right));

        Assert.Null(operation.Value!.Parent);
        Assert.NotSame(right!["a"], operation.Value);
    }

    private static ImmutableArray<PatchOperation> Patch(string left, string right, DiffRules? rules = null)
    {
        var patch = JsonPatchBuilder.Create(Parse(left), Parse(right), rules);
        Assert.Equal(CanonicalText(Parse(right)), CanonicalText(Apply(Parse(left), patch)));
        return patch;
    }

    private static IEnumerable<string> Show(IEnumerable<PatchOperation> patch) => patch.Select(o => o.Op switch
    {
        PatchOperationType.Remove => $"remove {o.Path}",
        PatchOperationType.Move => $"move {o.From} {o.Path}",
        _ => $"{o.Op.ToString().ToLowerInvariant()} {o.Path} {CanonicalText(o.Value)}",
    });
}
