using System.Text;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Canonical;

/// <summary>The examples RFC 8785 itself gives, with the outputs it gives.</summary>
public sealed class RfcExampleTests
{
    [Fact]
    public void TheSampleOfSection322CanonicalizesAsTheRfcShows()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        // The euro sign comes out raw (e2 82 ac); \u000F becomes \u000f, \u000a becomes \n.
        var expected = """{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"""
            + "\"\u20ac"
            + """$\u000f\nA'B\"\\\\\"/"}""";

        Assert.Equal(Encoding.UTF8.GetBytes(expected), Canon.Bytes(input));
    }

    [Fact]
    public void TheSampleOfSection322HasTheBytesListedInSection324()
    {
        const string input = """{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""";
        var expected = Convert.FromHexString(
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b3333333333"
            + "333333332e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22"
            + "e282ac245c75303030665c6e4127425c225c5c5c5c5c222f227d");

        Assert.Equal(expected, Canon.Bytes(input));
    }

    [Fact]
    public void TheSortingExampleOfSection323ComesOutInTheRfcOrder()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var canonical = Canon.Text(input);

        // The emoji sorts before U+FB33 because its first UTF-16 code unit is 0xD83D; in code point or
        // UTF-8 order it would come last.
        var expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\","
            + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\","
            + "\"\U0001F600\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void PropertiesAreSortedByUtf16CodeUnitsNotByCodePoints()
    {
        // U+FFFF is above U+10000's lead surrogate 0xD800 in UTF-16, below it as a code point.
        var canonical = Canon.Text("{\"\uffff\":1,\"\U00010000\":2}");

        Assert.Equal("{\"\U00010000\":2,\"\uffff\":1}", canonical);
    }

    [Fact]
    public void PropertiesAreSortedOrdinallyNotByCulture()
    {
        Assert.Equal("""{"B":1,"a":2,"b":3}""", Canon.Text("""{"b":3,"a":2,"B":1}"""));
    }

    [Fact]
    public void PropertiesAreSortedByTheirUnescapedNames()
    {
        // Escaped, "\u0062" sorts before "a"; unescaped it is "b".
        Assert.Equal("""{"a":1,"b":2}""", Canon.Text("""{"\u0062":2,"a":1}"""));
    }

    [Fact]
    public void NestedObjectsAreSortedAndWhitespaceIsDropped()
    {
        const string input = """
            { "z" : [ { "y" : 1 , "x" : 2 } , [ ] , { } ] ,
              "a" : { "c" : { "e" : null , "d" : true } } }
            """;

        Assert.Equal("""{"a":{"c":{"d":true,"e":null}},"z":[{"x":2,"y":1},[],{}]}""", Canon.Text(input));
    }

    [Fact]
    public void ArrayOrderIsKept()
    {
        Assert.Equal("[3,1,2]", Canon.Text("[3, 1, 2]"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void AScalarAtTheTopLevelIsItsOwnCanonicalForm(string json)
    {
        Assert.Equal(json, Canon.Text($"  {json}\n"));
    }

    [Fact]
    public void ALeadingByteOrderMarkIsSkipped()
    {
        byte[] input = [0xEF, 0xBB, 0xBF, .. "{ \"a\" : 1 }"u8];

        Assert.Equal("""{"a":1}"""u8.ToArray(), CanonicalJson.Canonicalize(input));
    }
}
