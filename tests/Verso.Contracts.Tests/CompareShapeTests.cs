using System.Text;
using System.Text.Json;
using Verso.Contracts.Admin;
using Verso.Contracts.Compare;
using Verso.Contracts.Json;
using Verso.Contracts.Problems;
using Verso.Contracts.Signatures;

namespace Verso.Contracts.Tests;

/// <summary>
/// The comparison, admin, signature and problem contracts: a value that is absent is left out, a value that is
/// JSON null is written as null, and the members that always were there stay there when they are null.
/// </summary>
public sealed class CompareShapeTests
{
    private static RawJson Json(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void AnAddedValueHasNoOldAndARemovedNullHasANullOld()
    {
        var added = new Change { Path = "/a", Kind = "added", New = Json("null") };
        var removed = new Change { Path = "/b", Kind = "removed", Old = Json("null") };

        Assert.Equal("""{"path":"/a","kind":"added","new":null}""", VersoJson.ToJson(added));
        Assert.Equal("""{"path":"/b","kind":"removed","old":null}""", VersoJson.ToJson(removed));
    }

    [Fact]
    public void AConflictSideThatIsAbsentHasNoMemberAndOneThatIsNullHasNull()
    {
        var conflict = new MergeConflict { Path = "/x", Base = Json("null"), Ours = Json("2.50") };

        Assert.Equal("""{"path":"/x","base":null,"ours":2.50}""", VersoJson.ToJson(conflict));
    }

    [Fact]
    public void AnUncleanMergeHasNoMergedRecordAndACleanOneHasNoConflicts()
    {
        var unclean = new MergeResult { Clean = false, Conflicts = [new MergeConflict { Path = "/x", Theirs = Json("1") }] };
        var clean = new MergeResult { Clean = true, Merged = Json("""{"a":1}""") };

        Assert.Equal("""{"clean":false,"conflicts":[{"path":"/x","theirs":1}]}""", VersoJson.ToJson(unclean));
        Assert.Equal("""{"clean":true,"merged":{"a":1}}""", VersoJson.ToJson(clean));
    }

    [Fact]
    public void AnErasureWithoutATombstoneSaysSo()
    {
        var erased = new ErasureResult { Entity = "doc/a", Versions = [2], Tombstone = null };

        Assert.Equal("""{"entity":"doc/a","versions":[2],"tombstone":null}""", VersoJson.ToJson(erased));
    }

    [Fact]
    public void AnUnsignedMoveNamesNoSignerAndNoKey()
    {
        var signatures = new TagSignatures
        {
            SigningKey = null,
            Moves = [new TagMoveSignature { ToVersion = 1, MovedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), SignedBy = null }],
        };

        Assert.Equal("""{"signing_key":null,"moves":[{"to_version":1,"moved_at":"2026-01-02T03:04:05Z","signed_by":null}]}""", VersoJson.ToJson(signatures));
    }

    [Fact]
    public void AProblemWritesItsFactsAfterTheStandardMembersAndReadsThemBack()
    {
        using var facts = JsonDocument.Parse("""{"expected":2,"kind":"doc","problems":[{"path":"/a","message":"é <b>"}]}""");
        var problem = new Problem
        {
            Type = "urn:verso:problem:invalid-record",
            Title = "Invalid record",
            Status = 422,
            Detail = "doc/a is invalid",
            Instance = "/api/v1/entities/doc/a",
            Extensions = facts.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

        var json = VersoJson.ToJson(problem);
        var read = JsonSerializer.Deserialize(json, VersoJson.TypeInfo<Problem>())!;

        Assert.Equal(
            """{"type":"urn:verso:problem:invalid-record","title":"Invalid record","status":422,"detail":"doc/a is invalid","instance":"/api/v1/entities/doc/a","expected":2,"kind":"doc","problems":[{"path":"/a","message":"é <b>"}]}""",
            json);
        Assert.Equal("doc", read.Extensions!["kind"].GetString());
        Assert.Equal(2, read.Extensions["expected"].GetInt32());
    }

    [Fact]
    public void AProblemOutsideHttpHasNoInstance()
    {
        var problem = new Problem { Type = "urn:verso:problem:not-found", Title = "Not found", Status = 404, Detail = "not found: doc/a" };

        Assert.Equal("""{"type":"urn:verso:problem:not-found","title":"Not found","status":404,"detail":"not found: doc/a"}""", VersoJson.ToJson(problem));
    }
}
