using Verso.Storage.History;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// The manifest of a whole store: the same state gives the same root on every backend.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task TheSameStateHasTheSameManifestRootAsTheReferenceStore()
    {
        var reference = new InMemoryVersionStore();
        foreach (var store in new[] { Store, reference })
        {
            foreach (var (kind, id, n, hour) in new[] { ("workflow", "flow", 1, 1), ("agent", "bob", 2, 2), ("agent", "alice", 3, 3), ("agent", "bob", 4, 4) })
            {
                await store.AppendAsync(new AppendRequest(EntityKey.Create(kind, id), Some.Document(n), "tester", Some.Instant.AddHours(hour)));
            }
        }

        var now = await ManifestBuilder.BuildAsync(Store);
        var before = await ManifestBuilder.BuildAsync(Store, Some.Instant.AddHours(2.5));

        Assert.Equal((await ManifestBuilder.BuildAsync(reference)).Root, now.Root);
        Assert.Equal((await ManifestBuilder.BuildAsync(reference, Some.Instant.AddHours(2.5))).Root, before.Root);
        Assert.Equal(["agent/alice@1", "agent/bob@2", "workflow/flow@1"], now.Entries.Select(e => VersionRef.ForVersion(e.Key, e.Version).ToString()));
        Assert.Equal(["agent/bob@1", "workflow/flow@1"], before.Entries.Select(e => VersionRef.ForVersion(e.Key, e.Version).ToString()));
        Assert.NotEqual(now.Root, before.Root);
    }
}
