using Verso.Postgres;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

namespace Verso.Server.Tests.Mcp;

/// <summary>MCP over streamable HTTP on a real SQLite file.</summary>
public sealed class SqliteMcpHttpTests : McpContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override bool OverHttp => true;

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task WithoutAValidBearerTokenMcpIs401AndNothingIsAnswered()
    {
        using var http = Host.CreateClient();
        var initialize = """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""";

        var missing = await http.PostAsync("/mcp", Server.Tests.Support.Api.Body(initialize));
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AgentToken + "x");
        var wrong = await http.PostAsync("/mcp", Server.Tests.Support.Api.Body(initialize));

        var problem = await Server.Tests.Support.Api.ProblemAsync(missing, 401);
        Assert.Equal("urn:verso:problem:unauthorized", problem["type"]!.GetValue<string>());
        await Server.Tests.Support.Api.ProblemAsync(wrong, 401);
        await Assert.ThrowsAnyAsync<Exception>(() => Host.ConnectHttpAsync(null));
    }
}

/// <summary>MCP over stdio (the server <c>verso mcp</c> runs, on in-process pipes) on a real SQLite file.</summary>
public sealed class SqliteMcpStdioTests : McpContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override bool OverHttp => false;

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    public void Dispose() => _directory.Dispose();
}

/// <summary>MCP over streamable HTTP on a real PostgreSQL database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMcpHttpTests(PostgresServerFixture postgres) : McpContract
{
    protected override bool OverHttp => true;

    protected override async Task<IVersionStore> CreateStoreAsync() => new PostgresVersionStore(await postgres.Server.CreateDatabaseAsync());
}

/// <summary>MCP over stdio on a real PostgreSQL database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresMcpStdioTests(PostgresServerFixture postgres) : McpContract
{
    protected override bool OverHttp => false;

    protected override async Task<IVersionStore> CreateStoreAsync() => new PostgresVersionStore(await postgres.Server.CreateDatabaseAsync());
}
