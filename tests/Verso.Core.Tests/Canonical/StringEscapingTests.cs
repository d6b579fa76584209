using System.Text;
using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Canonical;

/// <summary>Strings are escaped as RFC 8785 section 3.2.2.2 prescribes, and only so.</summary>
public sealed class StringEscapingTests
{
    public static TheoryData<int, string> ControlCharacters()
    {
        // Written out rather than computed, so a test cannot share a mistake with the code under test.
        string[] expected =
        [
            "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
            "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f",
            "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
            "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
        ];
        var data = new TheoryData<int, string>();
        for (var c = 0; c < expected.Length; c++)
        {
            data.Add(c, expected[c]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public void EveryControlCharacterHasItsCanonicalEscape(int control, string expectedEscape)
    {
        var lower = $"\"\\u{control:x4}\"";
        var upper = $"\"\\u{control:X4}\"";

        Assert.Equal($"\"{expectedEscape}\"", Canon.Text(lower));
        Assert.Equal($"\"{expectedEscape}\"", Canon.Text(upper));
    }

    [Fact]
    public void ShortEscapesStayShort()
    {
        Assert.Equal("\"\\b\\f\\n\\r\\t\"", Canon.Text("\"\\b\\f\\n\\r\\t\""));
    }

    [Fact]
    public void QuoteAndBackslashAreEscapedShortHoweverTheyAreWritten()
    {
        Assert.Equal("\"\\\"\\\\\"", Canon.Text("\"\\u0022\\u005C\""));
        Assert.Equal("\"\\\"\\\\\"", Canon.Text("\"\\\"\\\\\""));
    }

    [Fact]
    public void SolidusIsNotEscaped()
    {
        Assert.Equal("\"a/b/c/\"", Canon.Text("\"a\\/b/c\\u002f\""));
    }

    [Fact]
    public void DeleteIsWrittenRaw()
    {
        Assert.Equal(new byte[] { 0x22, 0x7F, 0x7F, 0x22 }, Canon.Bytes("\"\\u007f\u007f\""));
    }

    [Fact]
    public void LineAndParagraphSeparatorsAreWrittenRaw()
    {
        Assert.Equal(new byte[] { 0x22, 0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9, 0x22 }, Canon.Bytes("\"\\u2028\u2029\""));
    }

    [Theory]
    [InlineData("\"\\ud83d\\ude00\"")]
    [InlineData("\"\\uD83D\\uDE00\"")]
    [InlineData("\"\U0001F600\"")]
    public void AnEmojiIsRawUtf8WhetherGivenEscapedOrRaw(string json)
    {
        Assert.Equal(new byte[] { 0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, Canon.Bytes(json));
    }

    [Fact]
    public void EscapedNonAsciiCharactersAreWrittenRaw()
    {
        Assert.Equal("\"\u00e9\u20ac\uffff\"", Canon.Text("\"\\u00e9\\u20AC\\uffff\""));
    }

    [Fact]
    public void RawNonAsciiTextIsKeptByteForByte()
    {
        const string text = "\"Gr\u00fc\u00dfe, \u4e16\u754c \U0001D11E\"";

        Assert.Equal(Encoding.UTF8.GetBytes(text), Canon.Bytes(text));
    }

    [Fact]
    public void EscapedPrintableAsciiIsUnescaped()
    {
        Assert.Equal("\"AB\"", Canon.Text("\"\\u0041\\u0042\""));
    }

    [Fact]
    public void EscapesBetweenRawTextAreHandledInPlace()
    {
        Assert.Equal("\"x\\ny\u00e9z\\u0001\"", Canon.Text("\"x\\ny\\u00e9z\\u0001\""));
    }

    [Fact]
    public void PropertyNamesAreEscapedLikeStrings()
    {
        Assert.Equal("{\"\\n\":1,\"\\u001f\":3,\"A\":2}", Canon.Text("{\"\\u0041\":2,\"\\u000a\":1,\"\\u001F\":3}"));
    }

    [Fact]
    public void AnEmptyStringStaysEmpty()
    {
        Assert.Equal("{\"\":\"\"}", Canon.Text("{ \"\" : \"\" }"));
    }
}
