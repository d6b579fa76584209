using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;
using Verso.Errors;

namespace Verso.Core.Tests.Canonical;

/// <summary>Canonicalizing an already parsed <see cref="JsonElement"/>.</summary>
public sealed class JsonElementTests
{
    [Fact]
    public void AnElementCanonicalizesLikeItsText()
    {
        const string json = """{ "b": [1.50, "\u00e9"], "a": { "d": 1e21, "c": null } }""";
        using var document = JsonDocument.Parse(json);

        Assert.Equal(Canon.Bytes(json), CanonicalJson.Canonicalize(document.RootElement));
    }

    [Fact]
    public void AnElementInsideADocumentCanonicalizesAlone()
    {
        using var document = JsonDocument.Parse("""{"outer":{"y":2,"x":1},"other":3}""");

        var canonical = CanonicalJson.Canonicalize(document.RootElement.GetProperty("outer"));

        Assert.Equal("""{"x":1,"y":2}"""u8.ToArray(), canonical);
    }

    [Fact]
    public void DuplicatesFromAPermissiveParseAreStillRejected()
    {
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Equal("/a", error.JsonPath);
    }

    [Fact]
    public void CommentsAllowedByTheParserLeaveNoTrace()
    {
        using var document = JsonDocument.Parse("[1, /* note */ 2,]", new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        Assert.Equal("[1,2]"u8.ToArray(), CanonicalJson.Canonicalize(document.RootElement));
    }

    [Fact]
    public void NestingDeeperThanMaxDepthIsRejectedEvenIfTheParserAllowedIt()
    {
        var depth = CanonicalJson.MaxDepth + 1;
        using var document = JsonDocument.Parse(new string('[', depth) + new string(']', depth), new JsonDocumentOptions { MaxDepth = 1000 });

        var error = Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(document.RootElement));

        Assert.Contains("depth", error.Message, StringComparison.Ordinal);
        Assert.Equal(string.Concat(Enumerable.Repeat("/0", CanonicalJson.MaxDepth)), error.JsonPath);
    }

    [Fact]
    public void ALoneSurrogateTheParserAcceptedIsRejected()
    {
        using var document = JsonDocument.Parse("""["\ud800"]""");

        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(document.RootElement));
    }

    [Fact]
    public void ADefaultElementIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => CanonicalJson.Canonicalize(default(JsonElement)));
    }

    [Fact]
    public void TheDocumentHoldsTheCanonicalBytesAndTheirHash()
    {
        var document = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes("""{ "b": 2, "a": 1 }"""));

        Assert.Equal("""{"a":1,"b":2}""", document.ToString());
        Assert.Equal(13, document.Length);
        Assert.Equal(Verso.Documents.Hashing.ContentHash.Compute(document.Utf8.Span), document.Hash);
    }
}
