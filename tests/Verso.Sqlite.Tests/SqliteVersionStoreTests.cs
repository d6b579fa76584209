using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Contract;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

public sealed class SqliteVersionStoreTests : VersionStoreContract
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var store = SqliteVersionStore.ForFile(Path.Combine(_directory.Path, "verso.db"));
        await store.InitializeAsync();
        return store;
    }

    protected override Task DisposeStoreAsync()
    {
        // Pooled connections keep the file open; release them so the directory can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
