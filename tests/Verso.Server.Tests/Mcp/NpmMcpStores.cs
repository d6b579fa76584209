using Verso.Testing.Postgres;

namespace Verso.Server.Tests.Mcp;

/// <summary>The TypeScript SDK's session on a SQLite file.</summary>
public sealed class SqliteNpmMcpSessionTests : NpmMcpSession
{
    protected override Task<string> CreateStoreAsync(string directory) => Task.FromResult(Path.Combine(directory, "verso.db"));
}

/// <summary>The TypeScript SDK's session on a PostgreSQL database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresNpmMcpSessionTests(PostgresServerFixture postgres) : NpmMcpSession
{
    protected override Task<string> CreateStoreAsync(string directory) => postgres.Server.CreateDatabaseAsync();
}
