using System.Collections.Immutable;
using System.Text;
using Verso.Documents.Blame;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Support;

namespace Verso.Core.Tests.Blame;

public sealed class JsonBlameTests
{
    [Fact]
    public void EachLeafIsBlamedOnTheVersionThatLastChangedIt()
    {
        var blame = Blame(
            ("alice", """{"name":"Alice","level":"junior","model":{"temperature":0.2}}"""),
            ("bob", """{"name":"Alice","level":"senior","model":{"temperature":0.2}}"""),
            ("carol", """{"name":"Alice","level":"senior","model":{"temperature":0.1}}"""));

        Assert.Equal(1, Origin(blame, "/name").Version);
        Assert.Equal(("bob", 2), (Origin(blame, "/level").SavedBy, Origin(blame, "/level").Version));
        Assert.Equal(3, Origin(blame, "/model/temperature").Version);
        Assert.Equal(Some.Instant.AddHours(2), Origin(blame, "/model/temperature").SavedAt);
    }

    [Fact]
    public void EachLineOfAMultiLineStringIsBlamedOnItsOwnVersion()
    {
        var blame = Blame(
            ("alice", """{"charter":"# Alice\nReview code.\nBe kind.\n","level":1}"""),
            ("bob", """{"charter":"# Alice\nReview code carefully.\nBe kind.\nSay which line.\n","level":1}"""),
            ("carol", """{"charter":"# Alice\nReview code carefully.\nBe kind.\nSay which line.\n","level":2}"""));

        var charter = Assert.Single(blame, e => e.Path == "/charter");
        Assert.Equal(2, charter.Origin.Version);
        Assert.Equal(
            [(1, "# Alice", 1), (2, "Review code carefully.", 2), (3, "Be kind.", 1), (4, "Say which line.", 2)],
            charter.Lines.Select(l => (l.Number, l.Text, l.Origin.Version)));
    }

    [Fact]
    public void KeyedItemsKeepTheirOriginWhenTheyMove()
    {
        var rules = DiffRules.Default with { IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/nodes", "id") };
        var blame = Blame(
            rules,
            ("alice", """{"nodes":[{"id":"a","label":"Start"},{"id":"b","label":"Review"}]}"""),
            ("bob", """{"nodes":[{"id":"b","label":"Review"},{"id":"a","label":"Begin"}]}"""));

        Assert.Equal(1, Origin(blame, "/nodes/0/label").Version);
        Assert.Equal(2, Origin(blame, "/nodes/1/label").Version);
        Assert.Equal(1, Origin(blame, "/nodes/1/id").Version);
    }

    [Fact]
    public void ItemsInsertedBeforeOthersDoNotTakeTheirHistory()
    {
        var blame = Blame(
            ("alice", """{"tools":["git.read","ci.status"]}"""),
            ("bob", """{"tools":["deploy","git.read","ci.status"]}"""));

        Assert.Equal([2, 1, 1], blame.Select(e => e.Origin.Version));
        Assert.Equal(["/tools/0", "/tools/1", "/tools/2"], blame.Select(e => e.Path));
    }

    [Fact]
    public void AnEditInsideAnUnkeyedArrayItemBlamesOnlyTheEditedField()
    {
        var blame = Blame(
            ("alice", """{"steps":[{"name":"build","retries":1},{"name":"test","retries":1}]}"""),
            ("bob", """{"steps":[{"name":"build","retries":3},{"name":"test","retries":1}]}"""));

        Assert.Equal(1, Origin(blame, "/steps/0/name").Version);
        Assert.Equal(2, Origin(blame, "/steps/0/retries").Version);
        Assert.Equal(1, Origin(blame, "/steps/1/retries").Version);
    }

    [Fact]
    public void AValueRemovedAndAddedBackIsBlamedOnItsReturn()
    {
        var blame = Blame(
            ("alice", """{"a":1,"b":2}"""),
            ("bob", """{"a":1}"""),
            ("carol", """{"a":1,"b":2}"""));

        Assert.Equal(3, Origin(blame, "/b").Version);
        Assert.Equal(1, Origin(blame, "/a").Version);
    }

    [Fact]
    public void EmptyContainersAreLeavesToo()
    {
        var blame = Blame(("alice", """{"tools":[],"config":{}}"""));

        Assert.Equal(["/config", "/tools"], blame.Select(e => e.Path));
    }

    private static ImmutableArray<BlameEntry> Blame(params (string By, string Json)[] versions) => Blame(DiffRules.Default, versions);

    private static ImmutableArray<BlameEntry> Blame(DiffRules rules, params (string By, string Json)[] versions)
    {
        var key = EntityKey.Create("agent", "alice");
        var snapshots = versions.Select((v, i) =>
        {
            var document = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(v.Json));
            return new Snapshot(key, i + 1, document.Hash, document.Utf8, v.By, Some.Instant.AddHours(i), null, VersionOperation.Save, 1);
        });
        return JsonBlame.Compute(snapshots, rules);
    }

    private static BlameOrigin Origin(ImmutableArray<BlameEntry> blame, string path) => Assert.Single(blame, e => e.Path == path).Origin;
}
