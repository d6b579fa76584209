using System.Text;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;

namespace Verso.Core.Tests.Hashing;

public sealed class ContentHashTests
{
    private const string EmptyHex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string AbcHex = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    [Fact]
    public void ComputeMatchesTheKnownSha256OfTheEmptyString()
    {
        Assert.Equal("sha256:" + EmptyHex, ContentHash.Compute([]).ToString());
    }

    [Fact]
    public void ComputeMatchesTheKnownSha256OfAbc()
    {
        var hash = ContentHash.Compute("abc"u8);

        Assert.Equal(AbcHex, hash.Hex);
        Assert.Equal("sha256:" + AbcHex, hash.ToString());
    }

    [Fact]
    public void ToStringAndParseRoundTrip()
    {
        var hash = ContentHash.Compute("verso"u8);

        Assert.Equal(hash, ContentHash.Parse(hash.ToString()));
        Assert.True(hash == ContentHash.Parse(hash.ToString()));
    }

    [Fact]
    public void UppercaseHexIsAcceptedAndNormalized()
    {
        var hash = ContentHash.Parse("sha256:" + AbcHex.ToUpperInvariant());

        Assert.Equal(AbcHex, hash.Hex);
        Assert.Equal(ContentHash.Compute("abc"u8), hash);
        Assert.Equal(ContentHash.Compute("abc"u8).GetHashCode(), hash.GetHashCode());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256:")]
    [InlineData(AbcHex)]
    [InlineData("md5:" + AbcHex)]
    [InlineData("SHA256:" + AbcHex)]
    [InlineData("sha256:" + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a")]
    [InlineData("sha256:" + AbcHex + "0")]
    [InlineData("sha256:" + "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData(" sha256:" + AbcHex)]
    [InlineData("sha256:" + AbcHex + " ")]
    public void BadTextIsRejected(string? text)
    {
        Assert.False(ContentHash.TryParse(text, out var hash));
        Assert.Equal(default, hash);
        if (text is not null)
        {
            Assert.Throws<FormatException>(() => ContentHash.Parse(text));
        }
    }

    [Fact]
    public void FromHexAcceptsBareDigitsAndRejectsOthers()
    {
        Assert.Equal(ContentHash.Compute("abc"u8), ContentHash.FromHex(AbcHex.ToUpperInvariant()));
        Assert.Throws<FormatException>(() => ContentHash.FromHex(AbcHex[1..]));
        Assert.Throws<FormatException>(() => ContentHash.FromHex("sha256:" + AbcHex));
    }

    [Fact]
    public void ShortGivesTheFirstDigits()
    {
        var hash = ContentHash.Compute("abc"u8);

        Assert.Equal("ba7816bf8f01", hash.Short());
        Assert.Equal("ba78", hash.Short(4));
        Assert.Equal(AbcHex, hash.Short(100));
    }

    [Fact]
    public void ADefaultHashHoldsNoHash()
    {
        Assert.Throws<InvalidOperationException>(() => default(ContentHash).Hex);
        Assert.Equal("", default(ContentHash).ToString());
        Assert.NotEqual(default, ContentHash.Compute([]));
    }

    [Fact]
    public void DifferentBytesHashDifferently()
    {
        Assert.NotEqual(ContentHash.Compute("abc"u8), ContentHash.Compute("abd"u8));
    }

    [Fact]
    public void EquivalentJsonHasOneHash()
    {
        var first = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes("""{"b": [1.0, 2], "a": "\u0041"}"""));
        var second = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes("""{"a":"A","b":[1,2]}"""));

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(ContentHash.Compute("""{"a":"A","b":[1,2]}"""u8), first.Hash);
    }
}
