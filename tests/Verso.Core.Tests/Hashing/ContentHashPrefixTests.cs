using Verso.Documents.Hashing;

namespace Verso.Core.Tests.Hashing;

public sealed class ContentHashPrefixTests
{
    private static readonly ContentHash Abc = ContentHash.Compute("abc"u8);

    [Theory]
    [InlineData("ba7816bf")]
    [InlineData("sha256:ba7816bf")]
    [InlineData("BA7816BF8F01")]
    [InlineData("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void APrefixOfAtLeastEightDigitsIsAcceptedWithOrWithoutTheSha256Label(string text)
    {
        Assert.True(ContentHashPrefix.TryParse(text, out var prefix));
        Assert.True(Abc.StartsWith(prefix));
        Assert.Equal(prefix.Hex.ToLowerInvariant(), prefix.Hex);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ba7816b")]
    [InlineData("sha256:ba7816b")]
    [InlineData("ba7816bg")]
    [InlineData("sha256:")]
    [InlineData("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0")]
    public void ShortOrNonHexPrefixesAreRejected(string? text)
    {
        Assert.False(ContentHashPrefix.TryParse(text, out _));
    }

    [Fact]
    public void StartsWithIsFalseForAnotherHash()
    {
        Assert.True(ContentHashPrefix.TryParse("ba7816bf", out var prefix));

        Assert.False(ContentHash.Compute([]).StartsWith(prefix));
    }

    [Fact]
    public void AWholeHashIsACompletePrefix()
    {
        Assert.True(ContentHashPrefix.TryParse(Abc.ToString(), out var whole));
        Assert.True(ContentHashPrefix.TryParse("ba7816bf", out var part));

        Assert.True(whole.IsComplete);
        Assert.False(part.IsComplete);
        Assert.Equal("sha256:ba7816bf", part.ToString());
    }
}
