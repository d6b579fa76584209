using Verso.Documents.Canonical;

namespace Verso.Core.Tests.Canonical;

/// <summary>Building a <see cref="JsonPointerSet"/> validates RFC 6901 syntax.</summary>
public sealed class JsonPointerSetTests
{
    [Theory]
    [InlineData("")]
    [InlineData("status")]
    [InlineData("#/status")]
    [InlineData("/a~2")]
    [InlineData("/a~")]
    [InlineData("/~x/b")]
    public void AnInvalidPointerIsRejected(string pointer)
    {
        var error = Assert.Throws<ArgumentException>(() => JsonPointerSet.Of(pointer));

        Assert.Contains($"'{pointer}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANullPointerIsRejected()
    {
        Assert.Throws<ArgumentException>(() => new JsonPointerSet(["/a", null!]));
        Assert.Throws<ArgumentNullException>(() => new JsonPointerSet(null!));
    }

    [Fact]
    public void PointersAreKeptInOrderWithoutDuplicates()
    {
        var set = new JsonPointerSet(["/b", "/a~1c", "/b", "/"]);

        Assert.Equal(["/b", "/a~1c", "/"], set.Pointers);
    }

    [Fact]
    public void TheEmptySetHasNoPointers()
    {
        Assert.Empty(JsonPointerSet.Empty.Pointers);
        Assert.Empty(new JsonPointerSet([]).Pointers);
    }
}
