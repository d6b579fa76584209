using Verso.Storage;
using Verso.Testing.Contract.Policies;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

/// <summary>Kept policies on one PostgreSQL database written through two store objects (as two instances would).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPolicyGenerationTests(PostgresServerFixture postgres) : PolicyGenerationContract
{
    private string? _uri;

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        _uri = await postgres.Server.CreateDatabaseAsync();
        var store = new PostgresVersionStore(_uri);
        await store.InitializeAsync();
        return store;
    }

    protected override Task<IVersionStore> OpenAgainAsync() =>
        Task.FromResult<IVersionStore>(new PostgresVersionStore(_uri ?? throw new InvalidOperationException("no database yet")));
}
