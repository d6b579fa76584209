using Verso.Storage.Integrity;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Core.Tests.Storage;

public sealed class InMemoryIntegrityTests
{
    [Fact]
    public async Task EveryVersionIsChainedToItsPredecessor()
    {
        var store = new InMemoryVersionStore();
        var key = Some.Key();
        var first = (await store.AppendAsync(Some.Append(key, Some.Document(1)))).Head;
        var second = (await store.AppendAsync(Some.Append(key, Some.Document(2)))).Head;

        Assert.Equal(ChainHash.Compute(null, first), first.ChainHash);
        Assert.Equal(ChainHash.Compute(first.ChainHash, second), second.ChainHash);
        Assert.NotEqual(ChainHash.Compute(null, second), second.ChainHash);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    [Fact]
    public void EveryStoredFieldIsPartOfTheLink()
    {
        var document = Some.Document(1);
        var snapshot = new Model.Snapshots.Snapshot(Some.Key(), 1, document.Hash, document.Utf8, "alice", Some.Instant, "m", Model.Snapshots.VersionOperation.Save, 1);
        var link = ChainHash.Compute(null, snapshot);

        Assert.Equal(link, ChainHash.Compute(null, snapshot.WithSavedBy("alice")));
        Assert.NotEqual(link, ChainHash.Compute(null, snapshot.WithSavedBy("bob")));
        Assert.NotEqual(link, ChainHash.Compute(null, snapshot with { RevertOf = 1 }));
        Assert.NotEqual(link, ChainHash.Compute(Some.Document(2).Hash, snapshot));
    }
}

internal static class SnapshotEdits
{
    public static Model.Snapshots.Snapshot WithSavedBy(this Model.Snapshots.Snapshot snapshot, string savedBy) =>
        new(snapshot.Key, snapshot.Version, snapshot.Hash, snapshot.Content, savedBy, snapshot.SavedAt, snapshot.Message, snapshot.Operation, snapshot.SchemaVersion);
}
