using Verso.Storage;
using Verso.Testing.Contract.Rollouts;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

public sealed class SqliteRolloutTests : RolloutContract
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        return store;
    }

    // A second server opens the same file with its own connections.
    protected override Task<IVersionStore> OpenSecondStoreAsync() =>
        Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    protected override Task DisposeStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
