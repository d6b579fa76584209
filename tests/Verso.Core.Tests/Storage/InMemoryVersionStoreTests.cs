using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Contract;
using Verso.Testing.Support;

namespace Verso.Core.Tests.Storage;

public sealed class InMemoryVersionStoreTests : VersionStoreContract
{
    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(new InMemoryVersionStore());

    [Fact]
    public async Task AnImportedVersionKeepsTheCommitAndPathItCameFrom()
    {
        var store = new InMemoryVersionStore();
        var key = Some.Key();
        var source = new VersionSource(new string('a', 40), "agents/alice.json", Deleted: true);

        var result = await store.AppendAsync(Some.Append(key, Some.Document(1)) with { Operation = VersionOperation.Import, Source = source });

        Assert.Equal(source, result.Head.Source);
        Assert.Equal(source, (await store.GetLatestAsync(key))!.Source);
    }
}
