using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Patch;

/// <summary>Operations that cannot be applied: each names its index and leaves the caller's document alone.</summary>
public sealed class ApplyErrorTests
{
    private const string Doc = """{"a":{"b":[10,20,30]},"s":"text","n":null}""";

    [Fact]
    public void RemovingAMissingMemberFails()
    {
        var error = Patches.Fails(Doc, """[{"op":"remove","path":"/a/x"}]""", 0);
        Assert.Equal("patch operation 0 (remove /a/x): the path does not exist", error.Message);
        Assert.Equal("the path does not exist", error.Reason);
    }

    [Fact]
    public void ReplacingAMissingMemberFailsInsteadOfAdding() =>
        Patches.Fails(Doc, """[{"op":"replace","path":"/missing","value":1}]""", 0);

    [Fact]
    public void TestingAMissingMemberFailsEvenAgainstNull() =>
        Patches.Fails(Doc, """[{"op":"test","path":"/missing","value":null}]""", 0);

    [Fact]
    public void AddingUnderAMissingParentFails()
    {
        var error = Patches.Fails(Doc, """[{"op":"add","path":"/a/x/y","value":1}]""", 0);
        Assert.Equal("/a/x does not exist", error.Reason);
    }

    [Fact]
    public void AFailureInALaterOperationReportsItsIndexAndDiscardsEarlierChanges()
    {
        var error = Patches.Fails(
            Doc,
            """[{"op":"add","path":"/new","value":1},{"op":"remove","path":"/a/b/0"},{"op":"remove","path":"/a/b/7"}]""",
            2);
        Assert.Equal("patch operation 2 (remove /a/b/7): the path does not exist (index 7, array length 2)", error.Message);
    }

    [Fact]
    public void AddingPastTheArrayLengthFails() =>
        Patches.Fails(Doc, """[{"op":"add","path":"/a/b/4","value":1}]""", 0);

    [Fact]
    public void RemovingAtTheArrayLengthFails() =>
        Patches.Fails(Doc, """[{"op":"remove","path":"/a/b/3"}]""", 0);

    [Fact]
    public void AHugeIndexIsOutOfRangeRatherThanACrash() =>
        Patches.Fails(Doc, """[{"op":"replace","path":"/a/b/99999999999999999999","value":1}]""", 0);

    [Theory]
    [InlineData("01")]
    [InlineData("00")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData(" 1")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("")]
    [InlineData("x")]
    public void AMalformedArrayIndexFailsForEveryOperation(string token)
    {
        var path = $"/a/b/{token}";
        Patches.Fails(Doc, $$"""[{"op":"add","path":"{{path}}","value":1}]""", 0);
        Patches.Fails(Doc, $$"""[{"op":"remove","path":"{{path}}"}]""", 0);
        Patches.Fails(Doc, $$"""[{"op":"replace","path":"{{path}}","value":1}]""", 0);
        Patches.Fails(Doc, $$"""[{"op":"test","path":"{{path}}","value":10}]""", 0);
        Patches.Fails(Doc, $$"""[{"op":"copy","from":"{{path}}","path":"/c"}]""", 0);
        var error = Patches.Fails(Doc, $$"""[{"op":"test","path":"{{path}}/z","value":1}]""", 0);
        Assert.Contains($"'{token}' is not an array index", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALeadingZeroIndexIsRejectedEvenWhenItsNumberExists() =>
        Patches.Fails(Doc, """[{"op":"test","path":"/a/b/01","value":20}]""", 0);

    [Theory]
    [InlineData("""{"op":"remove","path":"/a/b/-"}""")]
    [InlineData("""{"op":"replace","path":"/a/b/-","value":1}""")]
    [InlineData("""{"op":"test","path":"/a/b/-","value":30}""")]
    [InlineData("""{"op":"move","from":"/a/b/-","path":"/c"}""")]
    [InlineData("""{"op":"copy","from":"/a/b/-","path":"/c"}""")]
    [InlineData("""{"op":"add","path":"/a/b/-/x","value":1}""")]
    public void DashNamesNoExistingElement(string operation) =>
        Patches.Fails(Doc, $"[{{\"op\":\"test\",\"path\":\"/s\",\"value\":\"text\"}},{operation}]", 1);

    [Theory]
    [InlineData("/s/x")]
    [InlineData("/s/0")]
    [InlineData("/n/x")]
    [InlineData("/a/b/0/x")]
    public void APathThroughAPrimitiveFails(string path)
    {
        var error = Patches.Fails(Doc, $$"""[{"op":"add","path":"{{path}}","value":1}]""", 0);
        Assert.Contains("has no members or elements", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddingIntoAPrimitiveDocumentFails() =>
        Patches.Fails("42", """[{"op":"add","path":"/x","value":1}]""", 0);

    [Fact]
    public void MovingAValueIntoItsOwnChildFails()
    {
        var error = Patches.Fails(Doc, """[{"op":"move","from":"/a","path":"/a/b/-"}]""", 0);
        Assert.Equal("patch operation 0 (move /a/b/- from /a): a value cannot be moved into one of its own children", error.Message);
    }

    [Fact]
    public void MovingTheRootIntoAChildFails() =>
        Patches.Fails(Doc, """[{"op":"move","from":"","path":"/x"}]""", 0);

    [Fact]
    public void MovingFromAMissingLocationFailsEvenToTheSamePath() =>
        Patches.Fails(Doc, """[{"op":"move","from":"/missing","path":"/missing"}]""", 0);

    [Fact]
    public void CopyingFromAMissingLocationFails() =>
        Patches.Fails(Doc, """[{"op":"copy","from":"/a/missing","path":"/c"}]""", 0);

    [Fact]
    public void MovingToAPlaceWithoutAParentFailsAndKeepsTheSource() =>
        Patches.Fails(Doc, """[{"op":"move","from":"/s","path":"/nowhere/s"}]""", 0);

    [Fact]
    public void RemovingTheWholeDocumentFails()
    {
        var error = Patches.Fails(Doc, """[{"op":"remove","path":""}]""", 0);
        Assert.Equal("patch operation 0 (remove \"\"): cannot remove the whole document", error.Message);
    }
}
