using Verso.Testing.Postgres;

namespace Verso.Cli.Tests.Golden;

/// <summary>The same golden output on a PostgreSQL database of its own: both stores must print the same bytes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGoldenOutput(PostgresServerFixture postgres) : GoldenOutput
{
    protected override Task<string> StoreAsync() => postgres.Server.CreateDatabaseAsync();
}
