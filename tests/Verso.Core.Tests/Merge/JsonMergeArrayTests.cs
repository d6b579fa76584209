using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Merge;
using static Verso.Core.Tests.Merge.MergeJson;

namespace Verso.Core.Tests.Merge;

public sealed class JsonMergeArrayTests
{
    private static readonly DiffRules Rules = new()
    {
        IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/nodes", "id").Add("/nodes/*/ports", "name"),
        Sets = ["/skills"],
    };

    private static MergeResult Merge(string @base, string ours, string theirs) =>
        JsonMerge.Merge(Parse(@base), Parse(ours), Parse(theirs), Rules);

    [Fact]
    public void KeyedItemsEditedAndAddedOnBothSidesAllCombine()
    {
        var result = Merge(
            """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Review","x":1}]}""",
            """{"nodes":[{"id":"a","label":"Begin"},{"id":"b","label":"Review","x":1}]}""",
            """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Review","x":5},{"id":"c","label":"End"}]}""");

        Assert.True(result.IsClean);
        Equal("""{"nodes":[{"id":"a","label":"Begin"},{"id":"b","label":"Review","x":5},{"id":"c","label":"End"}]}""", result.Merged);
    }

    [Fact]
    public void BothEditingOneFieldOfOneItemIsAConflictAtItsIndex()
    {
        var result = Merge(
            """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Review"}]}""",
            """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Peer review"}]}""",
            """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Code review"}]}""");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/nodes/1/label", conflict.Path);
        Assert.Equal("Review", conflict.Base!.GetValue<string>());
        Assert.Equal("Peer review", conflict.Ours!.GetValue<string>());
        Assert.Equal("Code review", conflict.Theirs!.GetValue<string>());
        Equal("""{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Review"}]}""", result.Merged);
    }

    [Fact]
    public void AConflictPathUsesTheItemsIndexInTheMergedArrayNotInOurs()
    {
        // Their new first item shifts b to index 2 in the merged array; index 1 there is a, not b.
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b","label":"Review"}]}""",
            """{"nodes":[{"id":"a"},{"id":"b","label":"Peer review"}]}""",
            """{"nodes":[{"id":"z"},{"id":"a"},{"id":"b","label":"Code review"}]}""");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/nodes/2/label", conflict.Path);
        Assert.Equal("b", result.Merged!["nodes"]![2]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void AnItemRemovedOnOneSideAndLeftAloneOnTheOtherIsRemoved()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a","label":"A"},{"id":"b"},{"id":"c"}]}""");

        Assert.True(result.IsClean);
        Equal("""{"nodes":[{"id":"a","label":"A"},{"id":"c"}]}""", result.Merged);
    }

    [Fact]
    public void AnItemTheyRemovedWhileWeEditedAnotherIsRemoved()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c","label":"C"}]}""",
            """{"nodes":[{"id":"a"},{"id":"c"}]}""");

        Assert.True(result.IsClean);
        Equal("""{"nodes":[{"id":"a"},{"id":"c","label":"C"}]}""", result.Merged);
    }

    [Fact]
    public void AnItemRemovedOnOneSideAndEditedOnTheOtherIsAConflictThatKeepsTheBaseItem()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b","label":"B"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a"},{"id":"b","label":"Bee"},{"id":"c"}]}""");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/nodes/1", conflict.Path);
        Assert.False(conflict.InOurs);
        Equal("""{"nodes":[{"id":"a"},{"id":"b","label":"B"},{"id":"c"}]}""", result.Merged);
    }

    [Fact]
    public void AdditionsAtTheSameSpotComeOursFirstThenTheirsAfterTheItemBeforeThem()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a"},{"id":"x1"},{"id":"x2"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"y0"},{"id":"a"},{"id":"y1"},{"id":"b"},{"id":"c"},{"id":"y2"}]}""");

        Assert.True(result.IsClean);
        Assert.Equal(["y0", "a", "x1", "x2", "y1", "b", "c", "y2"], Ids(result.Merged));
    }

    [Fact]
    public void WhenOnlyTheyReorderTheirOrderLeadsAndOurEditsAndAdditionsFollowIt()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"a","label":"A"},{"id":"n"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"c"},{"id":"b"},{"id":"a"}]}""");

        Assert.True(result.IsClean);
        Assert.Equal(["c", "b", "a", "n"], Ids(result.Merged));
        Assert.Equal("A", result.Merged!["nodes"]![2]!["label"]!.GetValue<string>());
    }

    [Fact]
    public void WhenBothReorderOurOrderWinsWithoutAConflict()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"}]}""",
            """{"nodes":[{"id":"c"},{"id":"a"},{"id":"b"}]}""",
            """{"nodes":[{"id":"b"},{"id":"a"},{"id":"c"}]}""");

        Assert.True(result.IsClean);
        Assert.Equal(["c", "a", "b"], Ids(result.Merged));
    }

    [Fact]
    public void KeyedArraysNestedUnderAWildcardMergeByTheirOwnKey()
    {
        var result = Merge(
            """{"nodes":[{"id":"a","ports":[{"name":"in","t":1},{"name":"out","t":1}]}]}""",
            """{"nodes":[{"id":"a","ports":[{"name":"in","t":2},{"name":"out","t":1}]}]}""",
            """{"nodes":[{"id":"a","ports":[{"name":"in","t":1},{"name":"out","t":3},{"name":"err"}]}]}""");

        Assert.True(result.IsClean);
        Equal("""{"nodes":[{"id":"a","ports":[{"name":"in","t":2},{"name":"out","t":3},{"name":"err"}]}]}""", result.Merged);
    }

    [Fact]
    public void AKeyedArrayWithAnItemLackingTheKeyIsOneConflictAtTheArrayPath()
    {
        var result = Merge(
            """{"nodes":[{"id":"a"}]}""",
            """{"nodes":[{"id":"a"},{"label":"no id"}]}""",
            """{"nodes":[{"id":"a"},{"id":"b"}]}""");

        Assert.Equal("/nodes", Assert.Single(result.Conflicts).Path);
        Equal("""{"nodes":[{"id":"a"}]}""", result.Merged);
    }

    [Fact]
    public void SetArraysBecomeTheBasePlusAllAdditionsMinusAllRemovals()
    {
        var result = Merge(
            """{"skills":["go","sql","rust"]}""",
            """{"skills":["go","rust","k8s"]}""",
            """{"skills":["rust","go","sql","terraform"]}""");

        Assert.True(result.IsClean);
        Equal("""{"skills":["go","rust","k8s","terraform"]}""", result.Merged);
    }

    [Fact]
    public void ARemovalFromASetOnTheirSideAppliesEvenWhenWeAddedSomething()
    {
        var result = Merge("""{"skills":["go","sql"]}""", """{"skills":["go","sql","k8s"]}""", """{"skills":["go"]}""");

        Equal("""{"skills":["go","k8s"]}""", result.Merged);
    }

    [Fact]
    public void UnkeyedArraysChangedOnBothSidesAreOneConflictAtTheArrayPath()
    {
        var result = Merge(
            """{"steps":["plan","build","ship"]}""",
            """{"steps":["plan","build","test","ship"]}""",
            """{"steps":["plan","ship"]}""");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/steps", conflict.Path);
        Equal("""["plan","build","test","ship"]""", conflict.Ours);
        Equal("""{"steps":["plan","build","ship"]}""", result.Merged);
    }

    [Fact]
    public void AnUnkeyedArrayChangedOnOneSideOnlyIsTaken()
    {
        var result = Merge("""{"steps":["a"],"n":1}""", """{"steps":["a","b"],"n":1}""", """{"steps":["a"],"n":2}""");

        Assert.True(result.IsClean);
        Equal("""{"steps":["a","b"],"n":2}""", result.Merged);
    }

    private static string[] Ids(JsonNode? merged) =>
        [.. merged!["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>())];
}
