using Verso.Errors;
using Verso.Naming;

namespace Verso.Core.Tests.Naming;

public sealed class VersionRefTests
{
    [Theory]
    [InlineData("agent/alice", VersionSelector.Latest)]
    [InlineData("agent/alice@3", VersionSelector.Number)]
    [InlineData("agent/alice@sha256:1a2b3c4d", VersionSelector.Hash)]
    [InlineData("hiring-template/Senior_Dev.v2@12", VersionSelector.Number)]
    [InlineData("agent/alice@{2026-11-01T12:00:00Z}", VersionSelector.AsOf)]
    [InlineData("agent/alice@{2026-11-01T12:00:00.5Z}", VersionSelector.AsOf)]
    public void RefsRoundTripThroughParseAndToString(string text, VersionSelector selector)
    {
        var parsed = VersionRef.Parse(text);

        Assert.Equal(selector, parsed.Selector);
        Assert.Equal(text, parsed.ToString());
    }

    [Fact]
    public void ATimeWithAnOffsetOfZeroIsTheSameInstant()
    {
        var parsed = VersionRef.Parse("agent/alice@{2026-11-01T12:00:00+00:00}");

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero), parsed.Time);
        Assert.Equal("agent/alice@{2026-11-01T12:00:00Z}", parsed.ToString());
    }

    [Fact]
    public void AnUppercaseHashPrefixIsNormalized()
    {
        var parsed = VersionRef.Parse("agent/alice@sha256:1A2B3C4D5E");

        Assert.Equal("1a2b3c4d5e", parsed.Hash.Hex);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("/alice")]
    [InlineData("agent/")]
    [InlineData("Agent/alice")]
    [InlineData("agent/al ice")]
    [InlineData("agent/../x")]
    [InlineData("agent/alice@0")]
    [InlineData("agent/alice@-1")]
    [InlineData("agent/alice@99999999999")]
    [InlineData("agent/alice@sha256:1a2b3c4")]
    [InlineData("agent/alice@sha256:xyzxyzxyz")]
    [InlineData("agent/alice@")]
    [InlineData("agent/alice/extra")]
    [InlineData("agent/alice@{2026-11-01T12:00:00}")]
    [InlineData("agent/alice@{yesterday}")]
    public void MalformedRefsAreRejectedNamingTheText(string text)
    {
        var error = Assert.Throws<InvalidNameException>(() => VersionRef.Parse(text));

        Assert.Equal(ErrorCategory.BadInput, error.Category);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("agent")]
    [InlineData("hiring-template")]
    [InlineData("k012345678901234567890123456789012345678901234567890123456789012")]
    public void ValidKindNamesAreAccepted(string kind) => Assert.True(EntityKey.IsValidKind(kind));

    [Theory]
    [InlineData("")]
    [InlineData("Agent")]
    [InlineData("1agent")]
    [InlineData("-agent")]
    [InlineData("agent_x")]
    [InlineData("agent\n")]
    [InlineData("k0123456789012345678901234567890123456789012345678901234567890123")]
    public void InvalidKindNamesAreRejected(string kind) => Assert.False(EntityKey.IsValidKind(kind));

    [Theory]
    [InlineData(".hidden")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("alice\n")]
    [InlineData("")]
    public void IdsThatAreNotSafeFileNamesAreRejected(string id) =>
        Assert.Throws<InvalidNameException>(() => EntityKey.Create("agent", id));

    [Fact]
    public void AnIdMayBe128CharactersButNotMore()
    {
        Assert.Equal(128, EntityKey.Create("agent", new string('a', 128)).Id.Length);
        Assert.Throws<InvalidNameException>(() => EntityKey.Create("agent", new string('a', 129)));
    }
}
