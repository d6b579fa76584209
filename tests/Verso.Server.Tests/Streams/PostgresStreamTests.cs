using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Verso.Postgres;
using Verso.Server.Security;
using Verso.Server.Tests.Support;
using Verso.Storage;
using Verso.Testing.Postgres;

namespace Verso.Server.Tests.Streams;

/// <summary>
/// Change streams over a real PostgreSQL database whose pool holds 10 connections: far fewer than the streams
/// the contract opens, so a stream that held one would exhaust it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStreamTests(PostgresServerFixture postgres) : StreamContract
{
    private string _uri = "";

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        _uri = await postgres.Server.CreateDatabaseAsync();
        return new PostgresVersionStore(_uri + "?Maximum%20Pool%20Size=10");
    }

    protected override IVersionStore OpenSameStore() => new PostgresVersionStore(_uri);

    [Fact]
    public async Task WhenTheListenerIsCutTheRecheckEndsARevokedStreamAndTheHubReconnectsAndCatchesUp()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var logs = new LogSignal();
        await using var server = Factory.WithWebHostBuilder(web => web
            .ConfigureLogging(logging => logging.AddProvider(logs))
            .ConfigureServices(services => services.AddSingleton<TimeProvider>(clock)));
        var (_, opsToken) = await Tokens.AddAsync("ops", ApiRole.Admin, [], false, "test");
        var (_, dashToken) = await Tokens.AddAsync("dash", ApiRole.Reader, ["doc"], false, "test");
        using var ops = WithToken(server, opsToken);
        using var dash = WithToken(server, dashToken);
        var watched = await OpenAsync(ops, "/api/v1/changes?kind=doc");
        var revoked = await OpenAsync(dash, "/api/v1/changes?kind=doc");

        // Cut the hub's LISTEN connection; nothing it would have heard now reaches it by notification.
        var lost = logs.WhenLogged("change listener lost the store");
        Assert.Equal(1, await TerminateListenersAsync());
        await lost;
        await Tokens.RevokeAsync("dash", "test");
        await SaveAsync(ops, "doc", "a", """{"n":1}""");

        // One recheck interval later (on the test's clock): the revoked stream has ended, the other has read the log.
        var back = logs.WhenLogged("change listener reconnected");
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await revoked.NextEventAsync());
        Assert.Equal("doc/a@1", await watched.NextRefAsync());

        // Listening again: a new version arrives without the clock moving.
        await back;
        await SaveAsync(ops, "doc", "a", """{"n":2}""");
        Assert.Equal("doc/a@2", await watched.NextRefAsync());
    }

    // Waits (up to 10 s, inside PostgreSQL) for each backend to be gone, so no notification can still slip out.
    private async Task<int> TerminateListenersAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(_uri));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'
            """,
            connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
