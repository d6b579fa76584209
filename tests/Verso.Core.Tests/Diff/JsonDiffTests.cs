using System.Text.Json.Nodes;
using Verso.Core.Tests.Diff.Support;
using Verso.Documents.Diff;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Diff;

/// <summary>Objects, scalars, sequence arrays, set arrays and the cost bound of <see cref="JsonDiff"/>.</summary>
public sealed class JsonDiffTests
{
    private static readonly DiffRules TagsAreASet = DiffRules.Default with { Sets = ["/tags"] };

    [Fact]
    public void AddedRemovedAndModifiedMembersComeInDocumentOrderWithRemovalsWhereTheyWere()
    {
        var changes = Changes("""{"a":1,"b":2,"c":3}""", """{"a":1,"c":4,"d":5}""");

        Assert.Equal(["- /b 2", "~ /c 3 4", "+ /d 5"], Describe(changes));
    }

    [Fact]
    public void AValueWhoseJsonTypeChangesIsOneModificationNotAFieldByFieldDiff()
    {
        var changes = Changes("""{"a":{"x":1,"y":2},"b":"1","c":true}""", """{"a":[1,2],"b":1,"c":false}""");

        Assert.Equal(["~ /a {\"x\":1,\"y\":2} [1,2]", "~ /b \"1\" 1", "~ /c true false"], Describe(changes));
    }

    [Fact]
    public void NestedPathsEscapeTildeAndSlashInMemberNames()
    {
        var changes = Changes("""{"a/b":{"m~n":1,"~1":0}}""", """{"a/b":{"m~n":2}}""");

        Assert.Equal(["~ /a~1b/m~0n 1 2", "- /a~1b/~01 0"], Describe(changes));
    }

    [Theory]
    [InlineData("""{"a":[1,{"b":null}],"c":"x\ny"}""")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"\"")]
    public void EqualValuesHaveNoChanges(string json)
    {
        Assert.Empty(JsonDiff.Compute(DiffJson.Parse(json), DiffJson.Parse(json)));
    }

    [Theory]
    [InlineData("""{"a":[{"b":1,"c":[2.50,"x"]},"y"]}""", """{"a":[{"c":[2.5,"x"],"b":1},"y"]}""")]
    [InlineData("""{"a":[[-0,1e1],{"":null}]}""", """{"a":[[0,10],{"":null}]}""")]
    public void ArrayItemsThatAreEqualAsCanonicalJsonMatch(string left, string right)
    {
        Assert.Empty(Changes(left, right));
    }

    [Theory]
    [InlineData("""{"a":[["ab","c"]]}""", """{"a":[["a","bc"]]}""")]
    [InlineData("""{"a":[{"ab":"c"}]}""", """{"a":[{"a":"bc"}]}""")]
    [InlineData("""{"a":["1"]}""", """{"a":[1]}""")]
    [InlineData("""{"a":[true]}""", """{"a":["t"]}""")]
    [InlineData("""{"a":[[null]]}""", """{"a":[[]]}""")]
    public void ArrayItemsThatDifferAsCanonicalJsonDoNotMatch(string left, string right)
    {
        Assert.NotEmpty(Changes(left, right));
    }

    [Fact]
    public void NumbersAreComparedByValueNotBySpelling()
    {
        Assert.Empty(Changes("""{"a":1.0,"b":[1e2],"c":-0}""", """{"a":1,"b":[100],"c":0}"""));
        Assert.Equal(["~ /a 1 1.5"], Describe(Changes("""{"a":1}""", """{"a":1.5}""")));
    }

    [Fact]
    public void AChangeOfTheWholeValueIsReportedAtTheRootPath()
    {
        Assert.Equal(["~  1 2"], Describe(Changes("1", "2")));
        Assert.Equal(["~  null {}"], Describe(Changes("null", "{}")));
    }

    [Fact]
    public void AnItemInsertedIntoASequenceIsOneAdditionAtItsRightHandIndex()
    {
        Assert.Equal(["+ /1 9"], Describe(Changes("[1,2,3]", "[1,9,2,3]")));
        Assert.Equal(["+ /3 4"], Describe(Changes("[1,2,3]", "[1,2,3,4]")));
    }

    [Fact]
    public void AnItemDeletedFromASequenceIsOneRemovalAtItsLeftHandIndex()
    {
        Assert.Equal(["- /1 2"], Describe(Changes("[1,2,3]", "[1,3]")));
        Assert.Equal(["- /0 1", "+ /2 4"], Describe(Changes("[1,2,3]", "[2,3,4]")));
    }

    [Fact]
    public void AnEditInsideASequenceItemIsAFieldChangeNotARemovalAndAnAddition()
    {
        var changes = Changes(
            """{"steps":[{"id":1,"n":"a"},{"id":2,"n":"b","x":[1]}]}""",
            """{"steps":[{"id":0},{"id":1,"n":"a"},{"id":2,"n":"c","x":[1,2]}]}""");

        Assert.Equal(["+ /steps/0 {\"id\":0}", "~ /steps/2/n \"b\" \"c\"", "+ /steps/2/x/1 2"], Describe(changes));
    }

    [Fact]
    public void AReplacedScalarInASequenceIsARemovalAndAnAddition()
    {
        Assert.Equal(["- /1 2", "+ /1 5"], Describe(Changes("[1,2,3]", "[1,5,3]")));
    }

    [Fact]
    public void SetArraysIgnoreOrderAndReportOnlyAdditionsAndRemovals()
    {
        Assert.Empty(Changes("""{"tags":["a","b","c"]}""", """{"tags":["c","a","b"]}""", TagsAreASet));
        Assert.Equal(
            ["- /tags/0 \"a\"", "+ /tags/1 \"c\""],
            Describe(Changes("""{"tags":["a","b"]}""", """{"tags":["b","c"]}""", TagsAreASet)));
    }

    [Fact]
    public void SetArraysCountRepeatedValues()
    {
        Assert.Equal(["- /tags/1 \"a\""], Describe(Changes("""{"tags":["a","a","b"]}""", """{"tags":["b","a"]}""", TagsAreASet)));
        Assert.Equal(
            ["+ /tags/0 2", "+ /tags/2 {\"k\":1}"],
            Describe(Changes("""{"tags":[{"k":1}]}""", """{"tags":[2,{"k":1.0},{"k":1}]}""", TagsAreASet)));
    }

    [Fact]
    public void ArraysBeyondTheCostBoundAreOneModificationOfTheWholeArray()
    {
        var rules = DiffRules.Default with { MaxArrayDiffCost = 50 };
        var left = new JsonObject { ["xs"] = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)i)]) };
        var right = new JsonObject { ["xs"] = new JsonArray([.. Enumerable.Range(0, 100).Select(i => (JsonNode)(i % 7 == 0 ? -i : i))]) };

        var change = Assert.Single(JsonDiff.Compute(left, right, rules));

        Assert.Equal(("/xs", ChangeKind.Modified), (change.Path, change.Kind));
        Assert.Equal(DiffJson.CanonicalText(right["xs"]), DiffJson.CanonicalText(change.New));
        Assert.Empty(JsonDiff.Compute(left, left.DeepClone(), rules));
    }

    [Fact]
    public void AMultiLineStringCarriesItsLineHunks()
    {
        var left = string.Concat(Enumerable.Range(1, 12).Select(i => $"l{i}\n"));
        var right = left.Replace("l2\n", "L2\n", StringComparison.Ordinal).Replace("l11\n", "", StringComparison.Ordinal);

        var change = Assert.Single(JsonDiff.Compute(new JsonObject { ["charter"] = left }, new JsonObject { ["charter"] = right }));

        Assert.Equal(("/charter", ChangeKind.Modified), (change.Path, change.Kind));
        var hunks = change.Lines!.Hunks;
        Assert.Equal(2, hunks.Length);
        Assert.Equal((1, 5, 1, 5), (hunks[0].OldStart, hunks[0].OldLength, hunks[0].NewStart, hunks[0].NewLength));
        Assert.Equal([" l1", "-l2", "+L2", " l3", " l4", " l5"], hunks[0].Lines.Select(TextDifferTests.Show));
        Assert.Equal((8, 5, 8, 4), (hunks[1].OldStart, hunks[1].OldLength, hunks[1].NewStart, hunks[1].NewLength));
        Assert.Equal([" l8", " l9", " l10", "-l11", " l12"], hunks[1].Lines.Select(TextDifferTests.Show));
    }

    [Fact]
    public void StringsWithoutLineBreaksOrWithLineDiffsTurnedOffCarryNoHunks()
    {
        Assert.Null(Assert.Single(Changes("""{"a":"x"}""", """{"a":"y"}""")).Lines);
        Assert.Null(Assert.Single(Changes("""{"a":"x\ny"}""", """{"a":"x\nz"}""", DiffRules.Default with { DiffMultilineText = false })).Lines);
        Assert.NotNull(Assert.Single(Changes("""{"a":"x"}""", """{"a":"x\n"}""")).Lines);
    }

    [Fact]
    public void ChangesHoldCopiesSoTheInputsStayUntouchedAndUnshared()
    {
        var left = DiffJson.Parse("""{"a":{"b":1}}""");
        var right = DiffJson.Parse("""{"a":[1],"c":{"d":2}}""");

        var changes = JsonDiff.Compute(left, right);

        Assert.All(changes, c => Assert.Null(c.New?.Parent));
        Assert.Equal("""{"a":{"b":1}}""", left!.ToJsonString());
    }
}
