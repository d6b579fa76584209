using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

public sealed class VersionedCollectionTests
{
    private static readonly EntityKind<Charter> CharterKind = new("charter", c => c.AgentId)
    {
        VolatileFields = new Verso.Documents.Canonical.JsonPointerSet(["/status"]),
    };

    private readonly VersionedCollection<Charter> _charters;

    public VersionedCollectionTests()
    {
        var kinds = new KindRegistry().Register(CharterKind);
        _charters = new VersioningService(new InMemoryVersionStore(), kinds).Collection(CharterKind);
    }

    [Fact]
    public async Task ARecordRoundTripsThroughCanonicalBytesWithSnakeCaseNames()
    {
        var charter = new Charter("alice", "Review code.", ["git.read"], 0.2, "active");

        var saved = await _charters.SaveAsync(charter, new SaveOptions("ops") { Message = "first" });
        var read = await _charters.GetAsync("alice", 1);

        Assert.Equal(AppendOutcome.Created, saved.Outcome);
        Assert.Equal("""{"agent_id":"alice","prompt":"Review code.","temperature":0.2,"tools":["git.read"]}""", saved.Head.Stored.ContentText());
        Assert.Equal(charter with { Status = null, Tools = read!.Record.Tools }, read.Record);
        Assert.Equal(["git.read"], read.Record.Tools);
        Assert.Equal("first", read.Message);
    }

    [Fact]
    public async Task ChangingOnlyAVolatileFieldSavesNothing()
    {
        await _charters.SaveAsync(new Charter("bob", "p", [], 0.5, "active"), new SaveOptions("ops"));

        var again = await _charters.SaveAsync(new Charter("bob", "p", [], 0.5, "paused"), new SaveOptions("ops"));

        Assert.Equal(AppendOutcome.Unchanged, again.Outcome);
    }

    [Fact]
    public async Task ForceSaveAppendsAndHistoryRunsNewestFirst()
    {
        var charter = new Charter("carol", "p", [], 0.5, null);
        await _charters.SaveAsync(charter, new SaveOptions("ops"));
        await _charters.ForceSaveAsync(charter, new SaveOptions("ops"));
        await _charters.SaveAsync(charter with { Prompt = "q" }, new SaveOptions("ops"));

        var history = await _charters.GetHistoryAsync("carol").ToListAsync();
        var latest = await _charters.GetLatestAsync("carol");

        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
        Assert.Equal(history[1].Hash, history[2].Hash);
        Assert.Equal("q", latest!.Record.Prompt);
        Assert.Null(await _charters.GetLatestAsync("nobody"));
    }

    public sealed record Charter(string AgentId, string Prompt, IReadOnlyList<string> Tools, double Temperature, string? Status);
}
