using Verso.Storage;
using Verso.Testing.Contract.Review;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReviewTests(PostgresServerFixture postgres) : ReviewContract
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
