using System.Text;
using Verso.Core.Tests.Support;
using Verso.Documents.Patch;

namespace Verso.Core.Tests.Patch;

/// <summary>Reading patch documents: what RFC 6902 §4 requires of every operation.</summary>
public sealed class ParseTests
{
    [Fact]
    public void EachOperationKeepsItsOpPathFromAndValue()
    {
        var patch = Patches.Parse("""
            [{"op":"add","path":"/a","value":{"x":[1]}},
             {"op":"remove","path":"/b"},
             {"op":"replace","path":"","value":null},
             {"op":"move","from":"/c","path":"/d"},
             {"op":"copy","from":"/e~1f","path":"/g"},
             {"op":"test","path":"/h","value":"v"}]
            """);

        Assert.Equal(
            [PatchOperationType.Add, PatchOperationType.Remove, PatchOperationType.Replace, PatchOperationType.Move, PatchOperationType.Copy, PatchOperationType.Test],
            patch.Operations.Select(o => o.Op));
        Assert.Equal(["/a", "/b", "", "/d", "/g", "/h"], patch.Operations.Select(o => o.Path));
        Assert.Equal([null, null, null, "/c", "/e~1f", null], patch.Operations.Select(o => o.From));
        Assert.Equal("""{"x":[1]}""", patch.Operations[0].Value!.ToJsonString());
        Assert.Null(patch.Operations[2].Value);
        Assert.Equal("\"v\"", patch.Operations[5].Value!.ToJsonString());
    }

    [Fact]
    public void AnEmptyArrayIsAPatchThatChangesNothing() => Assert.Empty(Patches.Parse("[]").Operations);

    [Fact]
    public void MembersAnOperationDoesNotUseAreIgnoredEvenWhenMalformed()
    {
        var patch = Patches.Parse("""[{"op":"remove","path":"/a","from":5,"value":{"x":1}},{"op":"add","path":"/b","value":1,"from":"bad"}]""");

        Assert.Null(patch.Operations[0].From);
        Assert.Null(patch.Operations[0].Value);
        Assert.Null(patch.Operations[1].From);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[{\"op\":\"add\"")]
    [InlineData("""{"op":"add","path":"/a","value":1}""")]
    [InlineData("null")]
    [InlineData("[] []")]
    public void ADocumentThatIsNotAJsonArrayIsRejectedAsAWhole(string patch)
    {
        var error = Patches.Rejects(patch, -1);
        Assert.StartsWith("patch document: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8IsRejectedAsAWhole() =>
        Assert.Equal(-1, Assert.Throws<JsonPatchException>(() => JsonPatch.Parse([(byte)'[', (byte)'"', 0xff, (byte)'"', (byte)']'])).OperationIndex);

    [Theory]
    [InlineData("""[{"op":"remove","path":"/\ud800"}]""")]
    [InlineData("""[{"op":"add","path":"/a","value":["\udc00"]}]""")]
    [InlineData("""[{"op":"add","path":"/a","value":{"\ud800x":1}}]""")]
    [InlineData("""[{"op":"remove","path":"/a","\ud800":1}]""")]
    public void ALoneSurrogateInAnyStringIsRejectedWithItsOperation(string patch) =>
        Assert.Equal("a string is not valid Unicode text", Patches.Rejects(patch, 0).Reason);

    [Theory]
    [InlineData("""[{"op":"test","path":"","value":1},"add"]""", 1)]
    [InlineData("""[{"op":"test","path":"","value":1},{"op":"test","path":"","value":1},[]]""", 2)]
    public void AnOperationThatIsNotAnObjectIsRejected(string patch, int index) => Patches.Rejects(patch, index);

    [Theory]
    [InlineData("""{"path":"/a","value":1}""", "the member 'op' is missing")]
    [InlineData("""{"op":"ADD","path":"/a","value":1}""", "'ADD' is not an operation (add, remove, replace, move, copy or test)")]
    [InlineData("""{"op":"delete","path":"/a"}""", "'delete' is not an operation (add, remove, replace, move, copy or test)")]
    [InlineData("""{"op":1,"path":"/a"}""", "the member 'op' must be a string, not a number")]
    [InlineData("""{"op":"add","value":1}""", "the member 'path' is missing")]
    [InlineData("""{"op":"remove","path":null}""", "the member 'path' must be a string, not null")]
    [InlineData("""{"op":"remove","path":["a"]}""", "the member 'path' must be a string, not an array")]
    [InlineData("""{"op":"move","path":"/a"}""", "the member 'from' is missing")]
    [InlineData("""{"op":"copy","path":"/a","from":7}""", "the member 'from' must be a string, not a number")]
    [InlineData("""{"op":"add","path":"/a"}""", "the member 'value' is missing")]
    [InlineData("""{"op":"replace","path":"/a"}""", "the member 'value' is missing")]
    [InlineData("""{"op":"test","path":"/a"}""", "the member 'value' is missing")]
    [InlineData("""{"op":"remove","path":"/a","path":"/b"}""", "the member 'path' appears more than once")]
    [InlineData("""{"op":"add","path":"/a","value":{"k":1,"k":2}}""", "the value has the member 'k' more than once")]
    public void AnOperationMissingWhatItsOpNeedsIsRejected(string operation, string reason)
    {
        var error = Patches.Rejects($$"""[{"op":"test","path":"","value":1},{{operation}}]""", 1);
        Assert.Equal(reason, error.Reason);
        Assert.StartsWith("patch operation 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a/b")]
    [InlineData("#/a")]
    [InlineData("/a~2")]
    [InlineData("/a~")]
    [InlineData("/~a")]
    public void APathThatIsNotAJsonPointerIsRejected(string pointer)
    {
        Assert.StartsWith("the member 'path' is not a JSON pointer", Patches.Rejects($$"""[{"op":"remove","path":"{{pointer}}"}]""", 0).Reason, StringComparison.Ordinal);
        Assert.StartsWith("the member 'from' is not a JSON pointer", Patches.Rejects($$"""[{"op":"copy","from":"{{pointer}}","path":"/x"}]""", 0).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheErrorMessageNamesTheOperationOnce()
    {
        var error = Patches.Rejects("""[{"op":"move","path":"/to"}]""", 0);
        Assert.Equal("patch operation 0 (move /to): the member 'from' is missing", error.Message);
    }

    [Fact]
    public void ParsingReadsOnlyTheBytesGiven()
    {
        var bytes = Encoding.UTF8.GetBytes("""[{"op":"remove","path":"/a"}]  trailing""");

        var patch = JsonPatch.Parse(bytes.AsSpan(0, bytes.Length - "  trailing".Length));

        Assert.Single(patch.Operations);
    }
}
