using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;
using Verso.Errors;

namespace Verso.Core.Tests.Canonical;

/// <summary>Input that is not I-JSON has no canonical form and is rejected with a message saying why.</summary>
public sealed class RejectionTests
{
    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("[1, NaN]")]
    [InlineData("{\"a\": Infinity}")]
    public void NaNAndInfinityTokensAreRejected(string json)
    {
        var error = Canon.Rejects(json);

        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.BadInput, error.Category);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1.8e308")]
    public void NumbersBeyondTheDoubleRangeAreRejected(string json)
    {
        var error = Canon.Rejects(json);

        Assert.Contains("outside the range of a double", error.Message, StringComparison.Ordinal);
        Assert.Contains(json, error.Message, StringComparison.Ordinal);
        Assert.Equal("", error.JsonPath);
    }

    [Fact]
    public void AnOverflowingNumberIsLocatedByItsPath()
    {
        var error = Canon.Rejects("""{"list": [1, {"x": 1e999}]}""");

        Assert.Equal("/list/1/x", error.JsonPath);
    }

    [Theory]
    [InlineData("""{"a":1,"a":2}""", "/a")]
    [InlineData("""{"a":1,"b":0,"a":1}""", "/a")]
    [InlineData("""{"x":{"b":1,"c":0,"b":2}}""", "/x/b")]
    [InlineData("""[0,{"k":1,"k":1}]""", "/1/k")]
    [InlineData("""{"a":1,"\u0061":2}""", "/a")]
    [InlineData("""{"\ud83d\ude00":1,"😀":2}""", "/😀")]
    [InlineData("""{"a/b":1,"a\/b":2}""", "/a~1b")]
    public void DuplicatePropertyNamesAreRejected(string json, string path)
    {
        var error = Canon.Rejects(json);

        Assert.Contains("Duplicate property name", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.JsonPath);
    }

    [Fact]
    public void EqualNamesInDifferentObjectsAreNotDuplicates()
    {
        Assert.Equal("""{"a":{"a":1},"b":{"a":2}}""", Canon.Text("""{"b":{"a":2},"a":{"a":1}}"""));
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\ud83dx\"")]
    [InlineData("\"\\ud83d\\u0041\"")]
    [InlineData("\"\\ud83d\\ud83d\"")]
    [InlineData("\"\\ud83d\\n\"")]
    [InlineData("\"abc\\udbff\"")]
    public void ALoneHighSurrogateIsRejected(string json)
    {
        var error = Canon.Rejects(json);

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\udc00\"")]
    [InlineData("\"\\ude00\\ud83d\"")]
    [InlineData("\"x\\udfff\"")]
    public void ALoneLowSurrogateIsRejected(string json)
    {
        var error = Canon.Rejects(json);

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateInAPropertyNameIsRejectedAtItsObject()
    {
        var error = Canon.Rejects("""{"o": {"ok": 1, "\udc00": 2}}""");

        Assert.Contains("Property name", error.Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Equal("/o", error.JsonPath);
    }

    [Fact]
    public void ALoneSurrogateInAnArrayItemIsLocatedByIndex()
    {
        Assert.Equal("/2", Canon.Rejects("""["a", "b", "\ud800"]""").JsonPath);
    }

    public static TheoryData<byte[]> InvalidUtf8Strings() => new()
    {
        new byte[] { 0x22, 0xC3, 0x28, 0x22 },             // a lead byte followed by ASCII
        new byte[] { 0x22, 0xFF, 0x22 },                   // a byte that never occurs in UTF-8
        new byte[] { 0x22, 0xC0, 0xAF, 0x22 },             // an overlong "/"
        new byte[] { 0x22, 0xED, 0xA0, 0x80, 0x22 },       // an encoded surrogate
        new byte[] { 0x22, 0xE2, 0x82, 0x22 },             // a truncated sequence
        new byte[] { 0x22, 0x5C, 0x6E, 0xFF, 0x22 },       // after an escape
        new byte[] { 0x5B, 0x22, 0x80, 0x22, 0x5D },       // a continuation byte alone, in an array
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8Strings))]
    public void InvalidUtf8InAStringIsRejected(byte[] json)
    {
        var error = Canon.Rejects(json);

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InAPropertyNameIsRejected()
    {
        var error = Canon.Rejects([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);

        Assert.Contains("Property name is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8OutsideStringsIsRejected()
    {
        Assert.StartsWith("invalid JSON", Canon.Rejects([0xFF]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingOfMaxDepthIsAccepted()
    {
        var json = new string('[', CanonicalJson.MaxDepth) + new string(']', CanonicalJson.MaxDepth);

        Assert.Equal(json, Canon.Text(json));
    }

    [Fact]
    public void NestingDeeperThanMaxDepthIsRejected()
    {
        var depth = CanonicalJson.MaxDepth + 1;
        var arrays = new string('[', depth) + new string(']', depth);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        Assert.Contains("depth", Canon.Rejects(arrays).Message, StringComparison.Ordinal);
        Assert.Contains("depth", Canon.Rejects(objects).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{} x")]
    [InlineData("1 2")]
    [InlineData("{}}")]
    [InlineData("[1]]")]
    [InlineData("\"a\" \"b\"")]
    public void TrailingContentIsRejected(string json)
    {
        Assert.StartsWith("invalid JSON", Canon.Rejects(json).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/* c */ 1")]
    [InlineData("1 // c")]
    [InlineData("[1 /* c */]")]
    [InlineData("{\"a\": 1 // c\n}")]
    public void CommentsAreRejected(string json)
    {
        Assert.StartsWith("invalid JSON", Canon.Rejects(json).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{'a':1}")]
    [InlineData("{a:1}")]
    [InlineData("[01]")]
    [InlineData("[.5]")]
    [InlineData("[+1]")]
    [InlineData("\"tab\there\"")]
    [InlineData("\"\\x41\"")]
    [InlineData("\"\\u12\"")]
    [InlineData("[\"unterminated]")]
    public void MalformedJsonIsRejected(string json)
    {
        Assert.StartsWith("invalid JSON", Canon.Rejects(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMarkAnywhereButTheStartIsRejected()
    {
        Assert.IsType<CanonicalJsonException>(Canon.Rejects([0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x31]));
        Assert.IsType<CanonicalJsonException>(Canon.Rejects([0x5B, 0xEF, 0xBB, 0xBF, 0x31, 0x5D]));
    }

    [Fact]
    public void ErrorMessagesAreOneLine()
    {
        var error = Canon.Rejects("{\n\"a\": 1,\n\"a\": 2\n}");

        Assert.DoesNotContain('\n', error.Message);
    }
}
