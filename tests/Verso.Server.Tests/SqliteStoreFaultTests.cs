using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Verso.Naming;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

/// <summary>
/// The SQLite store's own failures on the server's path, given for real: a file at its page limit
/// (<c>PRAGMA max_page_count</c>, which SQLite reports as SQLITE_FULL, as it does a full disk), a
/// read-only connection, and a write lock another connection holds. The store translates each where
/// it calls the driver, so the API says what the CLI says.
/// </summary>
public sealed class SqliteStoreFaultTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteVersionStore _store = null!;
    private VersoApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await _store.InitializeAsync();
        _factory = new VersoApiFactory(_store);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AFullStoreIs507StoreFullWritesNothingAndReadyzIs503UntilAWriteSucceeds()
    {
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync("small", """{"n":1}""")).StatusCode);
        _store.ExtraPragmas = $"PRAGMA max_page_count = {await PageCountAsync()};";

        var problem = await Api.ProblemAsync(await SaveAsync("big", Large()), 507);

        Assert.Equal("urn:verso:problem:store-full", Api.Text(problem["type"]));
        Assert.Contains("is full", Api.Text(problem["detail"]), StringComparison.Ordinal);
        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("doc", "big")));
        var ready = await Api.ProblemAsync(await _client.GetAsync("/readyz"), 503);
        Assert.Equal("urn:verso:problem:store-full", Api.Text(ready["type"]));
        // Reads go on while writes fail.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/entities/doc/small")).StatusCode);

        _store.ExtraPragmas = "PRAGMA max_page_count = 1073741823;";
        Assert.Equal(HttpStatusCode.Created, (await SaveAsync("big", Large())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task AReadOnlyStoreIs503StoreReadOnly()
    {
        _store.ExtraPragmas = "PRAGMA query_only = ON;";

        var problem = await Api.ProblemAsync(await SaveAsync("x", """{"n":1}"""), 503);

        Assert.Equal("urn:verso:problem:store-read-only", Api.Text(problem["type"]));
        Assert.Contains("read-only", Api.Text(problem["detail"]), StringComparison.Ordinal);
        Assert.Equal("urn:verso:problem:store-read-only", Api.Text((await Api.ProblemAsync(await _client.GetAsync("/readyz"), 503))["type"]));
    }

    [Fact]
    public async Task ABusyStoreIs503WithRetryAfter()
    {
        // Another connection (as another process would) holds the write lock.
        await using var holder = new SqliteConnection($"Data Source={_store.DataSource};Pooling=False");
        await holder.OpenAsync();
        await using var lockCommand = holder.CreateCommand();
        lockCommand.CommandText = "BEGIN IMMEDIATE;";
        await lockCommand.ExecuteNonQueryAsync();
        // A writer waits for the lock as long as the connection string says: a second here.
        var impatient = new SqliteVersionStore($"Data Source={_store.DataSource};Default Timeout=1");
        await using var factory = new VersoApiFactory(impatient);
        using var client = factory.CreateClient();

        var response = await client.PutAsync("/api/v1/entities/doc/x?saved_by=ann", Api.Body("""{"n":1}"""));

        var problem = await Api.ProblemAsync(response, 503);
        Assert.Equal("urn:verso:problem:store-busy", Api.Text(problem["type"]));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("Retry-After")));
        // Busy is not a lasting cause: the store is still ready.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    private Task<HttpResponseMessage> SaveAsync(string id, string json) =>
        _client.PutAsync($"/api/v1/entities/doc/{id}?saved_by=ann", Api.Body(json));

    // Incompressible text, so it needs pages of its own however the store encodes it.
    private static string Large() => $$"""{"text":"{{Convert.ToHexString(RandomNumberGenerator.GetBytes(64 * 1024))}}"}""";

    private async Task<long> PageCountAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DataSource};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA page_count;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }
}
