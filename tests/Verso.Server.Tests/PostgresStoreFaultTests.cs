using System.Net;
using Npgsql;
using Verso.Postgres;
using Verso.Server.Tests.Support;
using Verso.Testing.Postgres;

namespace Verso.Server.Tests;

/// <summary>
/// The PostgreSQL store's own failures on the server's path, given for real on the fixture's server: a read-only
/// database, a row lock held past the lock timeout, every session terminated. The store translates each where it
/// calls the driver, so the API answers as it does for the SQLite store (see <see cref="SqliteStoreFaultTests"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreFaultTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task AReadOnlyDatabaseIs503StoreReadOnlyAndReadyzSaysSoWhileReadsGoOn()
    {
        var (uri, database) = await CreateAsync();
        await using (var factory = new VersoApiFactory(new PostgresVersionStore(uri)))
        {
            using var writer = factory.CreateClient();
            Assert.Equal(HttpStatusCode.Created, (await SaveAsync(writer, "x", """{"n":1}""")).StatusCode);
        }

        await AdminAsync(uri, $"ALTER DATABASE {database} SET default_transaction_read_only = on;");
        await using var readOnly = new VersoApiFactory(new PostgresVersionStore(uri));
        using var client = readOnly.CreateClient();

        var problem = await Api.ProblemAsync(await SaveAsync(client, "x", """{"n":2}"""), 503);

        Assert.Equal("urn:verso:problem:store-read-only", Api.Text(problem["type"]));
        Assert.Contains("read-only", Api.Text(problem["detail"]), StringComparison.Ordinal);
        Assert.Equal("urn:verso:problem:store-read-only", Api.Text((await Api.ProblemAsync(await client.GetAsync("/readyz"), 503))["type"]));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/entities/doc/x")).StatusCode);
    }

    [Fact]
    public async Task ARowLockHeldPastTheLockTimeoutIs503StoreBusyWithRetryAfter()
    {
        var (uri, database) = await CreateAsync();
        await AdminAsync(uri, $"ALTER DATABASE {database} SET lock_timeout = '100ms';");
        await using var factory = new VersoApiFactory(new PostgresVersionStore(uri));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(client, "x", """{"n":1}""")).StatusCode);
        // Another session (as another instance would) holds the head row.
        await using var holder = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM verso.entities WHERE kind = 'doc' AND id = 'x' FOR UPDATE;", holder, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var response = await SaveAsync(client, "x", """{"n":2}""");
        await transaction.RollbackAsync();

        var problem = await Api.ProblemAsync(response, 503);
        Assert.Equal("urn:verso:problem:store-busy", Api.Text(problem["type"]));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        // Busy is not a lasting cause: the store is still ready, and the same save goes through now.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(client, "x", """{"n":2}""")).StatusCode);
    }

    [Fact]
    public async Task TerminatedSessionsAre503StoreUnavailableAndTheNextRequestIsServed()
    {
        var (uri, _) = await CreateAsync();
        await using var factory = new VersoApiFactory(new PostgresVersionStore(uri));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync(client, "x", """{"n":1}""")).StatusCode);

        await AdminAsync(uri, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();");
        var problem = await Api.ProblemAsync(await client.GetAsync("/api/v1/entities/doc/x"), 503);

        Assert.Equal("urn:verso:problem:store-unavailable", Api.Text(problem["type"]));
        Assert.DoesNotContain(PostgresServer.Password, Api.Text(problem["detail"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/entities/doc/x")).StatusCode);
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string id, string json) =>
        client.PutAsync($"/api/v1/entities/doc/{id}?saved_by=ann", Api.Body(json));

    private async Task<(string Uri, string Database)> CreateAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        await using (var store = new PostgresVersionStore(uri))
        {
            await store.InitializeAsync();
        }

        return (uri, new Uri(uri).AbsolutePath.TrimStart('/'));
    }

    private static async Task AdminAsync(string uri, string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
