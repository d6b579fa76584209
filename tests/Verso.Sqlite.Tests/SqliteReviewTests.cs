using Verso.Storage;
using Verso.Testing.Contract.Review;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

public sealed class SqliteReviewTests : ReviewContract
{
    private readonly TempDirectory _directory = new();

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        return store;
    }

    protected override Task DisposeStoreAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
