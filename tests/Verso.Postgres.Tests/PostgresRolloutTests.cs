using Verso.Storage;
using Verso.Testing.Contract.Rollouts;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresRolloutTests(PostgresServerFixture postgres) : RolloutContract
{
    private readonly List<PostgresVersionStore> _stores = [];
    private string? _connection;

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        _connection = await postgres.Server.CreateDatabaseAsync();
        return await OpenAsync();
    }

    // A second server: its own data source and pool over the same database.
    protected override async Task<IVersionStore> OpenSecondStoreAsync() => await OpenAsync();

    protected override async Task DisposeStoreAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
    }

    private async Task<PostgresVersionStore> OpenAsync()
    {
        var store = new PostgresVersionStore(_connection!);
        await store.InitializeAsync();
        _stores.Add(store);
        return store;
    }
}
