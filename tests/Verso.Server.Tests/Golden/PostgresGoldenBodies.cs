using Verso.Postgres;
using Verso.Storage;
using Verso.Testing.Postgres;

namespace Verso.Server.Tests.Golden;

/// <summary>The same golden answers over a real PostgreSQL database of its own: both stores must say the same bytes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGoldenBodies(PostgresServerFixture postgres) : GoldenBodies
{
    protected override async Task<IVersionStore> CreateStoreAsync() =>
        new PostgresVersionStore(await postgres.Server.CreateDatabaseAsync());
}
