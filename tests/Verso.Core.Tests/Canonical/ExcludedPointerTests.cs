using System.Text;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Canonical;

/// <summary>Members named by a <see cref="JsonPointerSet"/> are left out of the canonical form.</summary>
public sealed class ExcludedPointerTests
{
    private const string Agent = """
        {
          "id": "ada",
          "status": "busy",
          "personality": { "mood": "cheerful", "traits": ["curious"] },
          "updated_at": "2025-01-01T00:00:00Z"
        }
        """;

    [Fact]
    public void ATopLevelMemberIsLeftOut()
    {
        var canonical = Canon.Text(Agent, JsonPointerSet.Of("/status", "/updated_at"));

        Assert.Equal("""{"id":"ada","personality":{"mood":"cheerful","traits":["curious"]}}""", canonical);
    }

    [Fact]
    public void ANestedMemberIsLeftOutAndItsSiblingsKept()
    {
        var canonical = Canon.Text(Agent, JsonPointerSet.Of("/personality/mood"));

        Assert.Equal("""{"id":"ada","personality":{"traits":["curious"]},"status":"busy","updated_at":"2025-01-01T00:00:00Z"}""", canonical);
    }

    [Fact]
    public void AWholeSubtreeIsLeftOut()
    {
        Assert.Equal("""{"id":"ada","status":"busy","updated_at":"2025-01-01T00:00:00Z"}""", Canon.Text(Agent, JsonPointerSet.Of("/personality", "/personality/mood")));
    }

    [Fact]
    public void TildeEscapesInPointersAreDecoded()
    {
        const string json = """{"a/b":1,"m~n":2,"~1":3,"/":4,"keep":5}""";

        var canonical = Canon.Text(json, JsonPointerSet.Of("/a~1b", "/m~0n", "/~01"));

        // "~01" means the name "~1", not "/".
        Assert.Equal("""{"/":4,"keep":5}""", canonical);
    }

    [Fact]
    public void AMemberWithAnEmptyNameCanBeLeftOut()
    {
        Assert.Equal("""{"a":2}""", Canon.Text("""{"":1,"a":2}""", JsonPointerSet.Of("/")));
    }

    [Fact]
    public void AMemberIsMatchedByItsUnescapedName()
    {
        Assert.Equal("""{"b":2}""", Canon.Text("""{"\u0061":1,"b":2}""", JsonPointerSet.Of("/a")));
    }

    [Theory]
    [InlineData("/missing")]
    [InlineData("/id/deeper")]
    [InlineData("/personality/mood/deeper")]
    [InlineData("/personality/traits/0")]
    public void APointerToNothingIsHarmless(string pointer)
    {
        Assert.Equal(Canon.Text(Agent), Canon.Text(Agent, JsonPointerSet.Of(pointer)));
    }

    [Fact]
    public void APointerSegmentNeverMatchesAnArrayItem()
    {
        const string json = """{"list":[{"x":1},{"x":2}],"obj":{"0":{"x":3}}}""";

        var canonical = Canon.Text(json, JsonPointerSet.Of("/list/0", "/list/0/x", "/obj/0/x"));

        Assert.Equal("""{"list":[{"x":1},{"x":2}],"obj":{"0":{}}}""", canonical);
    }

    [Fact]
    public void APointerMatchesOnlyAtItsOwnLevel()
    {
        Assert.Equal("""{"b":{"status":1}}""", Canon.Text("""{"status":0,"b":{"status":1}}""", JsonPointerSet.Of("/status")));
    }

    [Fact]
    public void TheOnlyMemberCanBeLeftOut()
    {
        Assert.Equal("""{"a":{}}""", Canon.Text("""{"a":{"b":1}}""", JsonPointerSet.Of("/a/b")));
        Assert.Equal("{}", Canon.Text("""{"a":{"b":1}}""", JsonPointerSet.Of("/a")));
    }

    [Fact]
    public void AnExcludedMemberDoesNotAffectTheHash()
    {
        var excluded = JsonPointerSet.Of("/status", "/personality/mood");
        var busy = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(Agent), excluded);
        var idle = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(Agent.Replace("busy", "idle", StringComparison.Ordinal).Replace("cheerful", "grumpy", StringComparison.Ordinal)), excluded);
        var renamed = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(Agent.Replace("ada", "bob", StringComparison.Ordinal)), excluded);

        Assert.Equal(busy.Hash, idle.Hash);
        Assert.NotEqual(busy.Hash, renamed.Hash);
        Assert.NotEqual(CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(Agent)).Hash, busy.Hash);
    }

    [Fact]
    public void AnExcludedMemberMustStillBeValid()
    {
        var excluded = JsonPointerSet.Of("/status");

        Assert.Contains("outside the range", Canon.Rejects("""{"status":1e400}""", excluded).Message, StringComparison.Ordinal);
        Assert.Contains("lone surrogate", Canon.Rejects("""{"status":{"x":"\ud800"}}""", excluded).Message, StringComparison.Ordinal);
        Assert.Contains("Duplicate", Canon.Rejects("""{"status":1,"status":2}""", excluded).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExcludedMembersDoNotLeaveStrayCommas()
    {
        Assert.Equal("""{"b":2,"d":4}""", Canon.Text("""{"a":1,"b":2,"c":3,"d":4,"e":5}""", JsonPointerSet.Of("/a", "/c", "/e")));
    }
}
