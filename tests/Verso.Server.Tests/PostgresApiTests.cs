using Verso.Postgres;
using Verso.Storage;
using Verso.Testing.Postgres;

namespace Verso.Server.Tests;

/// <summary>The API contract over a real PostgreSQL database of its own, on the fixture's server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresApiTests(PostgresServerFixture postgres) : ApiContract
{
    private string? _connectionString;

    protected override async Task<IVersionStore> CreateStoreAsync() =>
        new PostgresVersionStore(_connectionString = await postgres.Server.CreateDatabaseAsync());

    protected override IVersionStore OpenAnotherInstance() => new PostgresVersionStore(_connectionString!);
}
