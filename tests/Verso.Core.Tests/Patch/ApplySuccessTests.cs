using System.Text.Json.Nodes;
using Verso.Core.Tests.Support;
using Verso.Documents.Patch;

namespace Verso.Core.Tests.Patch;

/// <summary>What each operation does when it succeeds.</summary>
public sealed class ApplySuccessTests
{
    [Fact]
    public void AddingAnExistingMemberReplacesItsValue() =>
        Patches.Gives("""{"a":1,"b":2}""", """[{"op":"add","path":"/a","value":[3]}]""", """{"a":[3],"b":2}""");

    [Fact]
    public void AddingWithEscapedTokensNamesMembersWithSlashAndTilde() => Patches.Gives(
        "{}",
        """[{"op":"add","path":"/a~1b","value":1},{"op":"add","path":"/m~0n","value":2},{"op":"add","path":"/~01","value":3}]""",
        """{"a/b":1,"m~n":2,"~1":3}""");

    [Fact]
    public void AddingAtTheIndexZeroInsertsBeforeTheFirstElement() =>
        Patches.Gives("[1,2]", """[{"op":"add","path":"/0","value":0}]""", "[0,1,2]");

    [Fact]
    public void AddingAtTheArrayLengthAppends() =>
        Patches.Gives("[1,2]", """[{"op":"add","path":"/2","value":3}]""", "[1,2,3]");

    [Fact]
    public void AddingAtDashAppendsEvenToAnEmptyArray() =>
        Patches.Gives("""{"x":[]}""", """[{"op":"add","path":"/x/-","value":1},{"op":"add","path":"/x/-","value":2}]""", """{"x":[1,2]}""");

    [Fact]
    public void DashIsAnOrdinaryMemberNameInAnObject() =>
        Patches.Gives("{}", """[{"op":"add","path":"/-","value":1}]""", """{"-":1}""");

    [Fact]
    public void TheEmptyTokenNamesTheMemberWithAnEmptyName() =>
        Patches.Gives("""{"":{"":1}}""", """[{"op":"replace","path":"//","value":2}]""", """{"":{"":2}}""");

    [Fact]
    public void AddingANullValueCreatesAMemberHoldingNull()
    {
        var result = Patches.Parse("""[{"op":"add","path":"/a","value":null}]""").Apply(new JsonObject());

        var obj = Assert.IsType<JsonObject>(result);
        Assert.True(obj.ContainsKey("a"));
        Assert.Null(obj["a"]);
    }

    [Fact]
    public void AddingDeepInsideNestedObjectsAndArrays() => Patches.Gives(
        """{"a":{"b":[{"c":{}}]}}""",
        """[{"op":"add","path":"/a/b/0/c/d","value":true}]""",
        """{"a":{"b":[{"c":{"d":true}}]}}""");

    [Fact]
    public void AddingAtTheRootReplacesTheWholeDocument() =>
        Patches.Gives("""{"a":1}""", """[{"op":"add","path":"","value":[1]}]""", "[1]");

    [Fact]
    public void ReplacingTheRootWithNullGivesNull() =>
        Assert.Null(Patches.Parse("""[{"op":"replace","path":"","value":null}]""").Apply(JsonNode.Parse("""{"a":1}""")));

    [Fact]
    public void ReplacingTheRootOfANullDocumentGivesTheValue() =>
        Assert.Equal("5", Patches.Parse("""[{"op":"replace","path":"","value":5}]""").Apply(null)!.ToJsonString());

    [Fact]
    public void RemovingTheLastArrayElementLeavesTheOthers() =>
        Patches.Gives("[1,2,3]", """[{"op":"remove","path":"/2"}]""", "[1,2]");

    [Fact]
    public void RemovingAMemberThatHoldsNullRemovesIt() =>
        Patches.Gives("""{"a":null,"b":1}""", """[{"op":"remove","path":"/a"}]""", """{"b":1}""");

    [Fact]
    public void ReplacingAMemberThatHoldsNullSucceeds() =>
        Patches.Gives("""{"a":null}""", """[{"op":"replace","path":"/a","value":1}]""", """{"a":1}""");

    [Fact]
    public void ReplacingAnArrayElementKeepsTheArrayLength() =>
        Patches.Gives("[1,2,3]", """[{"op":"replace","path":"/1","value":{"x":1}}]""", """[1,{"x":1},3]""");

    [Fact]
    public void MovingToTheSamePathChangesNothing() =>
        Patches.Gives("""{"a":{"b":1}}""", """[{"op":"move","from":"/a","path":"/a"}]""", """{"a":{"b":1}}""");

    [Fact]
    public void MovingToASiblingWhoseNameStartsWithTheSourceNameIsAllowed() =>
        Patches.Gives("""{"a":1}""", """[{"op":"move","from":"/a","path":"/ab"}]""", """{"ab":1}""");

    [Fact]
    public void MovingAChildOverTheRootMakesItTheDocument() =>
        Patches.Gives("""{"a":{"b":1},"c":2}""", """[{"op":"move","from":"/a","path":""}]""", """{"b":1}""");

    [Fact]
    public void MovingAnArrayElementToTheFrontShiftsTheRest() =>
        Patches.Gives("[1,2,3]", """[{"op":"move","from":"/2","path":"/0"}]""", "[3,1,2]");

    [Fact]
    public void MovingAMemberReplacesAnExistingTarget() =>
        Patches.Gives("""{"a":1,"b":2}""", """[{"op":"move","from":"/a","path":"/b"}]""", """{"b":1}""");

    [Fact]
    public void CopyingMakesAnIndependentCopy() => Patches.Gives(
        """{"a":{"x":1}}""",
        """[{"op":"copy","from":"/a","path":"/b"},{"op":"add","path":"/b/y","value":2}]""",
        """{"a":{"x":1},"b":{"x":1,"y":2}}""");

    [Fact]
    public void CopyingANullValueCopiesTheNull() =>
        Patches.Gives("""{"a":null}""", """[{"op":"copy","from":"/a","path":"/b"}]""", """{"a":null,"b":null}""");

    [Fact]
    public void CopyingTheRootIntoAnArrayAppendsASnapshotOfIt() =>
        Patches.Gives("""{"a":[1]}""", """[{"op":"copy","from":"","path":"/a/-"}]""", """{"a":[1,{"a":[1]}]}""");

    [Fact]
    public void LaterOperationsSeeTheEffectOfEarlierOnes() => Patches.Gives(
        """{"list":[]}""",
        """
        [{"op":"add","path":"/list/-","value":{"n":1}},
         {"op":"test","path":"/list/0/n","value":1},
         {"op":"replace","path":"/list/0/n","value":2},
         {"op":"move","from":"/list/0","path":"/item"},
         {"op":"remove","path":"/list"}]
        """,
        """{"item":{"n":2}}""");

    [Fact]
    public void TheSamePatchCanBeAppliedTwiceAndGivesEqualIndependentResults()
    {
        var patch = Patches.Parse("""[{"op":"add","path":"/a","value":{"deep":[1]}}]""");

        var first = patch.Apply(new JsonObject());
        var second = patch.Apply(new JsonObject());
        first!["a"]!["deep"]!.AsArray().Add(2);

        Assert.Equal("""{"a":{"deep":[1]}}""", second!.ToJsonString());
        Assert.Equal("""{"deep":[1]}""", patch.Operations[0].Value!.ToJsonString());
    }

    [Fact]
    public void TheResultSharesNoNodeWithTheInput()
    {
        var input = JsonNode.Parse("""{"keep":{"x":1}}""")!;

        var result = JsonPatch.Empty.Apply(input)!;
        result["keep"]!["x"] = 2;

        Assert.Equal("""{"keep":{"x":1}}""", input.ToJsonString());
    }

    [Fact]
    public void AnInputThatIsAChildOfAnotherDocumentCanBePatched()
    {
        var outer = JsonNode.Parse("""{"inner":{"a":1}}""")!;

        var result = Patches.Parse("""[{"op":"remove","path":"/a"}]""").Apply(outer["inner"]);

        Assert.Equal("{}", result!.ToJsonString());
        Assert.Equal("""{"inner":{"a":1}}""", outer.ToJsonString());
    }
}
