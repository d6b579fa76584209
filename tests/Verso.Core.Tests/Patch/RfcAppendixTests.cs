using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Patch;

/// <summary>The examples of RFC 6902 Appendix A, with the results the RFC gives.</summary>
public sealed class RfcAppendixTests
{
    [Fact]
    public void A1AddingAnObjectMember() => Patches.Gives(
        """{"foo":"bar"}""",
        """[{"op":"add","path":"/baz","value":"qux"}]""",
        """{"baz":"qux","foo":"bar"}""");

    [Fact]
    public void A2AddingAnArrayElement() => Patches.Gives(
        """{"foo":["bar","baz"]}""",
        """[{"op":"add","path":"/foo/1","value":"qux"}]""",
        """{"foo":["bar","qux","baz"]}""");

    [Fact]
    public void A3RemovingAnObjectMember() => Patches.Gives(
        """{"baz":"qux","foo":"bar"}""",
        """[{"op":"remove","path":"/baz"}]""",
        """{"foo":"bar"}""");

    [Fact]
    public void A4RemovingAnArrayElement() => Patches.Gives(
        """{"foo":["bar","qux","baz"]}""",
        """[{"op":"remove","path":"/foo/1"}]""",
        """{"foo":["bar","baz"]}""");

    [Fact]
    public void A5ReplacingAValue() => Patches.Gives(
        """{"baz":"qux","foo":"bar"}""",
        """[{"op":"replace","path":"/baz","value":"boo"}]""",
        """{"baz":"boo","foo":"bar"}""");

    [Fact]
    public void A6MovingAValue() => Patches.Gives(
        """{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""",
        """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""",
        """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""");

    [Fact]
    public void A7MovingAnArrayElement() => Patches.Gives(
        """{"foo":["all","grass","cows","eat"]}""",
        """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""",
        """{"foo":["all","cows","eat","grass"]}""");

    [Fact]
    public void A8TestingAValueSucceedsAndLeavesTheDocumentAsItWas() => Patches.Gives(
        """{"baz":"qux","foo":["a",2,"c"]}""",
        """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""",
        """{"baz":"qux","foo":["a",2,"c"]}""");

    [Fact]
    public void A9TestingAValueFailsWhenItDiffers()
    {
        var error = Patches.Fails("""{"baz":"qux"}""", """[{"op":"test","path":"/baz","value":"bar"}]""", 0);
        Assert.Contains("not equal", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A10AddingANestedMemberObject() => Patches.Gives(
        """{"foo":"bar"}""",
        """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""",
        """{"foo":"bar","child":{"grandchild":{}}}""");

    [Fact]
    public void A11UnrecognizedElementsAreIgnored() => Patches.Gives(
        """{"foo":"bar"}""",
        """[{"op":"add","path":"/baz","value":"qux","xyz":123}]""",
        """{"foo":"bar","baz":"qux"}""");

    [Fact]
    public void A12AddingToANonexistentTargetFails()
    {
        var error = Patches.Fails("""{"foo":"bar"}""", """[{"op":"add","path":"/baz/bat","value":"qux"}]""", 0);
        Assert.Equal("patch operation 0 (add /baz/bat): /baz does not exist", error.Message);
    }

    [Fact]
    public void A13AnOperationWithTwoOpMembersIsAnInvalidPatchDocument()
    {
        var error = Patches.Rejects("""[{"op":"add","path":"/baz","value":"qux","op":"remove"}]""", 0);
        Assert.Contains("'op'", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A14TildeEscapesAreDecodedInTheRightOrder() => Patches.Gives(
        """{"/":9,"~1":10}""",
        """[{"op":"test","path":"/~01","value":10}]""",
        """{"/":9,"~1":10}""");

    [Fact]
    public void A15AStringNeverEqualsANumber() =>
        Patches.Fails("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":"10"}]""", 0);

    [Fact]
    public void A16AddingAnArrayValueAppendsItAsOneElement() => Patches.Gives(
        """{"foo":["bar"]}""",
        """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""",
        """{"foo":["bar",["abc","def"]]}""");
}
