using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Support;
using Verso.Documents.Canonical;
using Verso.Errors;

namespace Verso.Core.Tests.Canonical;

/// <summary>
/// The fast path for input that already is canonical (<see cref="CanonicalInput"/>): it must recognize canonical
/// text, so canonicalizing it is a copy, and must never take text whose canonical form differs, however little.
/// </summary>
public sealed class CanonicalInputTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Arbitrary<(TestJson Value, int Seed)> ValueAndSeed =
        Arb.From(ArbitraryJson.Values.Generator.Zip(Gen.Choose(0, int.MaxValue)));

    // Canonical text the fast path takes: every escape, number form and nesting it accepts.
    [Theory]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("\"\"")]
    [InlineData("0")]
    [InlineData("null")]
    [InlineData("""{"a":1,"b":[true,false,null],"c":{"d":"e"}}""")]
    [InlineData("""[1,-1,0.5,1e+30,1e-7,0.000001,333333333.3333333,9007199254740992,-1.7976931348623157e+308]""")]
    [InlineData("""{"s":"\"\\\b\f\n\r\t\u0000\u001f\u000b/é€😀"}""")]
    [InlineData("""{"A":1,"B":2,"_":3,"a":4,"a0":5,"ab":6,"b":7}""")]
    [InlineData("""{"a":{"b":{"c":[[{"d":[]}]]}}}""")]
    public void CanonicalTextIsRecognizedAndCopied(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.True(CanonicalInput.IsCanonical(utf8));
        Assert.Equal(utf8, CanonicalJson.Canonicalize(utf8));
        Assert.Equal(utf8, CanonicalJson.Canonicalize(Parsed(utf8)));
    }

    // Text one step away from canonical: each is left to the full path, which writes another spelling.
    [Theory]
    [InlineData(" {}")]
    [InlineData("{} ")]
    [InlineData("{ }")]
    [InlineData("""{"a" :1}""")]
    [InlineData("""{"a": 1}""")]
    [InlineData("""[1, 2]""")]
    [InlineData("""[1 ,2]""")]
    [InlineData("""{"b":1,"a":2}""")]
    [InlineData("""{"a":{"c":1,"b":2}}""")]
    [InlineData("""[{"b":1,"a":2}]""")]
    [InlineData("""{"a":1,"b":{"a":1},"aa":2}""")]
    [InlineData("""{"é":1,"z":2}""")]
    [InlineData("""{"\u0061":1}""")]
    [InlineData("""{"s":"\/"}""")]
    [InlineData("""{"s":"\u0041"}""")]
    [InlineData("""{"s":"\u00e9"}""")]
    [InlineData("""{"s":"\u000a"}""")]
    [InlineData("""{"s":"\u001F"}""")]
    [InlineData("""{"s":"\u0008"}""")]
    [InlineData("""{"s":"\ud83d\ude00"}""")]
    [InlineData("1.0")]
    [InlineData("-0")]
    [InlineData("1E3")]
    [InlineData("1e30")]
    [InlineData("0.0000001")]
    [InlineData("1e-400")]
    [InlineData("9007199254740993")]
    [InlineData("1.00000000000000000000000000000000000000001")]
    public void TextSpelledOtherwiseIsLeftToTheFullPath(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.False(CanonicalInput.IsCanonical(utf8));
        var canonical = CanonicalJson.Canonicalize(utf8);
        Assert.NotEqual(utf8, canonical);
        Assert.Equal(CanonicalJson.Canonicalize(Parsed(utf8)), canonical);
    }

    // Text with no canonical form that would pass a careless check: the full path rejects it with its own message.
    [Theory]
    [InlineData("""{"a":1,"a":2}""", "Duplicate property name")]
    [InlineData("""{"a":{"b":1,"b":1}}""", "Duplicate property name")]
    [InlineData("""{"s":"\ud800"}""", "lone surrogate")]
    [InlineData("""{"s":"\udc00x"}""", "lone surrogate")]
    [InlineData("1e400", "outside the range of a double")]
    public void TextWithoutACanonicalFormIsRejectedAsBefore(string json, string problem)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        Assert.False(CanonicalInput.IsCanonical(utf8));
        Assert.Contains(problem, Canon.Rejects(json).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidUtf8InAStringOrAsTheWholeTextIsNotTaken()
    {
        byte[] loneContinuation = [.. "{\"s\":\""u8, 0x80, .. "\"}"u8];
        byte[] truncated = [.. "[\""u8, 0xE2, 0x82, .. "\"]"u8];

        Assert.False(CanonicalInput.IsCanonical(loneContinuation));
        Assert.False(CanonicalInput.IsCanonical(truncated));
        Assert.False(CanonicalInput.IsCanonical([]));
        Assert.Contains("not valid UTF-8", Canon.Rejects(loneContinuation).Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", Canon.Rejects(truncated).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACanonicalTextAfterAByteOrderMarkComesOutWithoutTheMark()
    {
        byte[] marked = [0xEF, 0xBB, 0xBF, .. """{"a":[1,2]}"""u8];

        Assert.Equal("""{"a":[1,2]}"""u8.ToArray(), CanonicalJson.Canonicalize(marked));
    }

    [Fact]
    public void DeepNestingIsLeftToTheFullPathAndItsLimit()
    {
        var deepButAllowed = new string('[', CanonicalJson.MaxDepth) + new string(']', CanonicalJson.MaxDepth);
        var tooDeep = new string('[', CanonicalJson.MaxDepth + 1) + new string(']', CanonicalJson.MaxDepth + 1);

        Assert.False(CanonicalInput.IsCanonical(Encoding.UTF8.GetBytes(deepButAllowed)));
        Assert.Equal(deepButAllowed, Canon.Text(deepButAllowed));
        Assert.Contains("depth", Canon.Rejects(tooDeep).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludedMembersAreLeftOutOfCanonicalTextToo()
    {
        // The fast path copies whole text, so it must not be taken when members are to be left out.
        Assert.Equal("""{"a":1}""", Canon.Text("""{"a":1,"status":"busy"}""", JsonPointerSet.Of("/status")));
    }

    [Fact]
    public void AnySpellingCanonicalizesAsTheParsedDocumentDoes()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var random = new Random(input.Seed);
            var utf8 = Encoding.UTF8.GetBytes(TestJsonWriter.Write(input.Value, shuffle: random, whitespace: random.Next(2) == 0 ? random : null, spelling: random));

            return CanonicalJson.Canonicalize(utf8).AsSpan().SequenceEqual(CanonicalJson.Canonicalize(Parsed(utf8)));
        }));
    }

    [Fact]
    public void EveryCanonicalTextWithAsciiNamesTakesTheFastPath()
    {
        Check.One(Cases, Prop.ForAll(ArbitraryJson.Values, value =>
        {
            var canonical = CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(TestJsonWriter.Plain(value)));

            // Names with other characters (or deeper than the check goes) are the full path's by design.
            return CanonicalInput.IsCanonical(canonical) || !HasOnlyAsciiNames(canonical);
        }));
    }

    private static JsonElement Parsed(byte[] utf8)
    {
        using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = CanonicalJson.MaxDepth });
        return document.RootElement.Clone();
    }

    private static bool HasOnlyAsciiNames(byte[] canonical)
    {
        var reader = new Utf8JsonReader(canonical, new JsonReaderOptions { MaxDepth = CanonicalJson.MaxDepth });
        while (reader.Read())
        {
            if ((reader.TokenType == JsonTokenType.PropertyName && (reader.ValueIsEscaped || !Ascii.IsValid(reader.ValueSpan))) || reader.CurrentDepth >= 64)
            {
                return false;
            }
        }

        return true;
    }
}
