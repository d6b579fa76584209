using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Patch;

/// <summary>The equality of RFC 6902 §4.6 as the <c>test</c> operation applies it.</summary>
public sealed class TestOperationTests
{
    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("100", "1E2")]
    [InlineData("0.5", "5e-1")]
    [InlineData("0", "-0")]
    [InlineData("0", "0.000e10")]
    [InlineData("-12.50", "-1.25e1")]
    [InlineData("\"a\\u00e9\"", "\"a\u00e9\"")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    [InlineData("""{"a":1,"b":[2,{"c":3}]}""", """{"b":[2,{"c":3.0}],"a":1}""")]
    [InlineData("[]", "[]")]
    [InlineData("{}", "{}")]
    public void EqualValuesPass(string actual, string expected) =>
        Patches.Gives($$"""{"x":{{actual}}}""", $$"""[{"op":"test","path":"/x","value":{{expected}}}]""", $$"""{"x":{{actual}}}""");

    [Theory]
    [InlineData("1", "2")]
    [InlineData("1", "-1")]
    [InlineData("1", "\"1\"")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("0.1", "0.10000000000000001")]
    [InlineData("\"a\"", "\"A\"")]
    [InlineData("true", "false")]
    [InlineData("false", "null")]
    [InlineData("0", "false")]
    [InlineData("\"\"", "null")]
    [InlineData("[1,2]", "[2,1]")]
    [InlineData("[1,2]", "[1,2,2]")]
    [InlineData("[]", "{}")]
    [InlineData("""{"a":1}""", """{"a":1,"b":null}""")]
    [InlineData("""{"a":1,"b":null}""", """{"a":1,"c":null}""")]
    [InlineData("""{"a":{"b":1}}""", """{"a":{"b":2}}""")]
    public void DifferentValuesFail(string actual, string expected)
    {
        var error = Patches.Fails(
            $$"""{"x":{{actual}}}""",
            $$"""[{"op":"test","path":"/x","value":{{actual}}},{"op":"test","path":"/x","value":{{expected}}}]""",
            1);
        Assert.Equal("patch operation 1 (test /x): the value at the path is not equal to the test value", error.Message);
    }

    [Fact]
    public void TestingTheRootComparesTheWholeDocument()
    {
        Patches.Gives("[1,{\"a\":2}]", """[{"op":"test","path":"","value":[1.0,{"a":2}]}]""", "[1,{\"a\":2}]");
        Patches.Fails("[1,{\"a\":2}]", """[{"op":"test","path":"","value":[{"a":2},1]}]""", 0);
    }

    [Fact]
    public void AFailedTestStopsTheOperationsAfterIt() => Patches.Fails(
        """{"a":1}""",
        """[{"op":"test","path":"/a","value":2},{"op":"remove","path":"/a"}]""",
        0);
}
