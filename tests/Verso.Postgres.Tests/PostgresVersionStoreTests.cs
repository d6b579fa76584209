using Verso.Storage;
using Verso.Testing.Contract;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresVersionStoreTests(PostgresServerFixture postgres) : VersionStoreContract
{
    private PostgresVersionStore? _store;

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        _store = new PostgresVersionStore(await postgres.Server.CreateDatabaseAsync());
        await _store.InitializeAsync();
        return _store;
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
