using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;
using Verso.Errors;

namespace Verso.Core.Tests.Canonical;

/// <summary>
/// The one-parse writer a validated kind uses: its whole form is the plain canonical form and its kept
/// form is, byte for byte, what canonicalizing with the same exclusions writes.
/// </summary>
public sealed class WholeAndKeptTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Fact]
    public void BothFormsEqualTheTwoSeparateCanonicalizationsForAnyExclusions()
    {
        var inputs = ArbitraryJson.Values.Generator.Zip(Gen.Choose(0, int.MaxValue));
        Check.One(Cases, Prop.ForAll(Arb.From(inputs), input =>
        {
            var (value, seed) = input;
            var text = Encoding.UTF8.GetBytes(TestJsonWriter.Write(value, shuffle: new Random(seed)));
            var excluded = SomePointers(value, new Random(seed));
            var (whole, kept) = WholeAndKept(text, excluded);

            return whole.AsSpan().SequenceEqual(CanonicalJson.Canonicalize(text))
                && kept.AsSpan().SequenceEqual(CanonicalJson.Canonicalize(text, excluded));
        }));
    }

    [Theory]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/a", """{"b":2,"c":3}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/b", """{"a":1,"c":3}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/c", """{"a":1,"b":2}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/a,/b", """{"c":3}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/a,/c", """{"b":2}""")]
    [InlineData("""{"a":1,"b":2,"c":3}""", "/a,/b,/c", "{}")]
    [InlineData("""{"a":{"x":1,"y":[{"x":2}]},"b":{"x":3}}""", "/a/x,/b/x", """{"a":{"y":[{"x":2}]},"b":{}}""")]
    public void TheKeptFormHasTheCommasOfTheOtherWriter(string json, string pointers, string expected)
    {
        var (whole, kept) = WholeAndKept(Encoding.UTF8.GetBytes(json), JsonPointerSet.Of(pointers.Split(',')));

        Assert.Equal(expected, Encoding.UTF8.GetString(kept));
        Assert.Equal(json, Encoding.UTF8.GetString(whole));
    }

    [Fact]
    public void WithoutExclusionsBothFormsAreOneArray()
    {
        var (whole, kept) = WholeAndKept("""{"b":1,"a":2}"""u8, JsonPointerSet.Of("/c"));

        Assert.Same(whole, kept);
    }

    [Fact]
    public void AnExcludedMemberWithoutACanonicalFormIsRejectedAtItsPath()
    {
        var error = Assert.Throws<CanonicalJsonException>(() =>
            WholeAndKept("""{"id":"a","status":{"x":1,"x":2}}"""u8, JsonPointerSet.Of("/status")));

        Assert.Equal("/status/x", error.JsonPath);
    }

    private static (byte[] Whole, byte[] Kept) WholeAndKept(ReadOnlySpan<byte> utf8Json, JsonPointerSet excluded) =>
        CanonicalJson.WithParsed(utf8Json, excluded, static (root, excluded) => CanonicalWriter.WriteWholeAndKept(root, excluded.Root));

    // Pointers to some of the value's own members (at any depth, through objects only) and to some absent ones.
    private static JsonPointerSet SomePointers(TestJson value, Random random)
    {
        var pointers = new List<string>();
        Collect(value, "", random, pointers);
        pointers.Add("/absent");
        return new JsonPointerSet(pointers);
    }

    private static void Collect(TestJson value, string path, Random random, List<string> pointers)
    {
        if (value is not TestJson.Obj obj)
        {
            return;
        }

        foreach (var (name, member) in obj.Members)
        {
            var pointer = path + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (random.Next(3) == 0)
            {
                pointers.Add(pointer);
            }
            else
            {
                Collect(member, pointer, random, pointers);
            }
        }
    }
}
