using Npgsql;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

namespace Verso.Postgres.Tests;

/// <summary>The server goes away in the middle of a write loop and comes back.</summary>
public sealed class ServerRestartTests
{
    [Fact]
    public async Task WritesFailClearlyDuringAnOutageAndNothingAcknowledgedIsLost()
    {
        // A server of its own: stopping the shared one would break other test classes.
        await using var server = await PostgresServer.StartAsync();
        var uri = await server.CreateDatabaseAsync();
        await using var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "restart");
        var loop = new WriteLoop(store, key);
        var writing = Task.Run(loop.RunAsync);

        await loop.WaitForAsync(() => loop.Acknowledged.Count >= 50);
        await server.StopAsync(immediate: true);
        await loop.WaitForAsync(() => loop.Failures.Count >= 5);
        var acknowledgedBeforeRestart = loop.Acknowledged.Count;
        await server.StartServerAsync();
        await loop.WaitForAsync(() => loop.Acknowledged.Count >= acknowledgedBeforeRestart + 50);
        loop.Stop();
        await writing;

        Assert.All(loop.Failures, failure =>
        {
            Assert.IsType<StoreUnavailableException>(failure);
            Assert.StartsWith("PostgreSQL at 127.0.0.1:", failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failure.Message);
        });
        var history = await store.GetHistoryAsync(key, 0, int.MaxValue).ToListAsync();
        Assert.Equal(Enumerable.Range(1, history.Count).Reverse(), history.Select(s => s.Version));
        foreach (var (version, hash) in loop.Acknowledged)
        {
            Assert.Equal(hash, history[history.Count - version].Hash);
        }

        Assert.All(history, s => Assert.Equal(s.Hash, ContentHash.Compute(s.Content.Span)));
        await using var connection = new NpgsqlConnection(Npgsql(uri));
        await connection.OpenAsync();
        await using var orphans = new NpgsqlCommand(
            "SELECT count(*) FROM verso.entities e WHERE e.head <> (SELECT max(version) FROM verso.versions v WHERE v.entity_pk = e.entity_pk);",
            connection);
        Assert.Equal(0L, await orphans.ExecuteScalarAsync());
    }

    private static string Npgsql(string uri) => PostgresConnectionStrings.ToNpgsql(uri);

    // Saves distinct contents until stopped, keeping what was acknowledged and what failed.
    private sealed class WriteLoop(PostgresVersionStore store, EntityKey key)
    {
        private volatile bool _stopped;

        public List<(int Version, ContentHash Hash)> Acknowledged { get; } = [];

        public List<Exception> Failures { get; } = [];

        public void Stop() => _stopped = true;

        public async Task RunAsync()
        {
            for (var n = 0; !_stopped; n++)
            {
                try
                {
                    var result = await store.AppendAsync(Some.Append(key, Some.Document(n)));
                    lock (Acknowledged)
                    {
                        Acknowledged.Add((result.Head.Version, result.Head.Hash));
                    }
                }
                catch (Exception exception)
                {
                    lock (Failures)
                    {
                        Failures.Add(exception);
                    }

                    // Do not spin against a server that is down; the next attempt is what matters.
                    await Task.Delay(20);
                }
            }
        }

        // Polls a condition the loop will reach; fails the test rather than hanging if it never does.
        public async Task WaitForAsync(Func<bool> condition)
        {
            for (var attempt = 0; attempt < 6000; attempt++)
            {
                lock (Acknowledged)
                {
                    lock (Failures)
                    {
                        if (condition())
                        {
                            return;
                        }
                    }
                }

                await Task.Delay(10);
            }

            Assert.Fail($"the write loop did not get there: {Acknowledged.Count} acknowledged, {Failures.Count} failed");
        }
    }
}
