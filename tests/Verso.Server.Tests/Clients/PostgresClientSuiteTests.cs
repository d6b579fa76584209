using Verso.Testing.Postgres;

namespace Verso.Server.Tests.Clients;

/// <summary>The clients' suites against <c>verso serve</c> on the private PostgreSQL server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresClientSuiteTests(PostgresServerFixture postgres) : ClientSuites
{
    protected override async Task<string?> StoreAsync() => await postgres.Server.CreateDatabaseAsync();
}
