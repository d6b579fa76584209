using Verso.Storage;
using Verso.Testing.Contract.Policies;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

/// <summary>Kept policies on one SQLite file written through two store objects (as two processes would).</summary>
public sealed class SqlitePolicyGenerationTests : PolicyGenerationContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        return store;
    }

    protected override Task<IVersionStore> OpenAgainAsync() =>
        Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));
}
