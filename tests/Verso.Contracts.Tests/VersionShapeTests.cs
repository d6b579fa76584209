using System.Text;
using System.Text.Json;
using Verso.Contracts.Json;
using Verso.Contracts.Versions;

namespace Verso.Contracts.Tests;

/// <summary>A version's answers: metadata first whatever derives, a null message written, content raw (JSON null when removed).</summary>
public sealed class VersionShapeTests
{
    private static readonly VersionMetadata Metadata = new()
    {
        Ref = "doc/a@2",
        Kind = "doc",
        Id = "a",
        Version = 2,
        Hash = "sha256:00",
        SavedBy = "ann",
        SavedAt = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero),
        Message = null,
        Operation = "rollback",
        SchemaVersion = 1,
        RevertOf = 1,
    };

    // The object's start, through the last metadata member.
    private const string Head = """{"ref":"doc/a@2","kind":"doc","id":"a","version":2,"hash":"sha256:00","saved_by":"ann","saved_at":"2026-12-06T12:00:00Z","message":null,"operation":"rollback","schema_version":1,"revert_of":1""";

    [Fact]
    public void AVersionWritesItsMetadataThenItsContentByteForByte()
    {
        var content = Encoding.UTF8.GetBytes("""{"n":1.5e+21,"s":"\u0001"}""");

        var json = VersoJson.ToJson(new VersionWithContent(Metadata) { Content = RawJson.Trusted(content) });

        Assert.Equal(Head + ""","content":{"n":1.5e+21,"s":"\u0001"}}""", json);
    }

    [Fact]
    public void AVersionWhoseContentIsGoneSaysWhyAndWritesNullContent()
    {
        var erased = new VersionWithContent(Metadata with { Removed = new RemovalInfo { Kind = "erased", By = "ops", At = Metadata.SavedAt, Reason = null } }) { Content = RawJson.Null };

        Assert.EndsWith(""","removed":{"kind":"erased","by":"ops","at":"2026-12-06T12:00:00Z","reason":null},"content":null}""", VersoJson.ToJson(erased), StringComparison.Ordinal);
    }

    [Fact]
    public void AHistoryItemLeavesContentOutUnlessAskedAndChecksComeBeforeContentInShow()
    {
        var item = VersoJson.ToJson(new VersionPageItem(Metadata));
        var shown = VersoJson.ToJson(new ShownVersion(Metadata, [], RawJson.Null));

        Assert.Equal(Head + "}", item);
        Assert.Equal(Head + ""","checks":[],"content":null}""", shown);
    }

    [Fact]
    public void AnAppliedChangeRequestsSourceWritesOnlyItsOwnForm()
    {
        var applied = VersoJson.ToJson(new VersionSourceInfo { Approvers = ["bob"], Request = "cr-1" });
        var imported = VersoJson.ToJson(new VersionSourceInfo { Commit = "abc", Deleted = false, Path = "a.md" });

        Assert.Equal("""{"approvers":["bob"],"request":"cr-1"}""", applied);
        Assert.Equal("""{"commit":"abc","deleted":false,"path":"a.md"}""", imported);
    }

    [Fact]
    public void AVersionReadsBackWithItsContentBytes()
    {
        var json = Head + ""","content":{"a":[1,2]}}""";

        var version = JsonSerializer.Deserialize(json, VersoJson.TypeInfo<VersionWithContent>())!;

        Assert.Equal((2, "rollback", 1), (version.Version, version.Operation, version.RevertOf));
        Assert.Equal("""{"a":[1,2]}""", Encoding.UTF8.GetString(version.Content.Utf8.Span));
    }
}
