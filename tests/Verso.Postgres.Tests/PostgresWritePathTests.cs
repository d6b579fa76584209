using System.Collections.Concurrent;
using Npgsql;
using Verso.Errors;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

namespace Verso.Postgres.Tests;

/// <summary>The PostgreSQL write path (unchanged saves from a read, group commit) against another session holding locks.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresWritePathTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task AnUnchangedSaveReturnsWhileAnotherSessionHoldsTheHeadRowAndTheVersionsTable()
    {
        var (store, connectionString) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        await using var blocker = await BlockWritersAsync(connectionString, $"SELECT 1 FROM verso.entities WHERE id = '{key.Id}' FOR UPDATE;");
        // Answered from a read: without that it would wait on the row lock and never return here.
        var unchanged = await store.AppendAsync(Some.Append(key, Some.Document(1), by: "someone else"));
        var changed = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        var conflicting = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(1)) with { ExpectedVersion = 7 }));
        var changedWhileLocked = changed.IsCompleted;
        await blocker.Transaction.RollbackAsync();

        Assert.Equal((AppendOutcome.Unchanged, 1, "tester"), (unchanged.Outcome, unchanged.Head.Version, unchanged.Head.SavedBy));
        Assert.Equal(Some.Document(1).Utf8.ToArray(), unchanged.Head.Content.ToArray());
        Assert.Equal((await store.GetVersionAsync(key, 1))!.ChainHash, unchanged.Head.ChainHash);
        Assert.False(changedWhileLocked, "a changed save must wait for the head row");
        Assert.Equal(2, (await changed).Head.Version);
        // An unchanged content under a wrong expected version is still a conflict, decided under the lock.
        await Assert.ThrowsAsync<VersionConflictException>(() => conflicting);
    }

    [Fact]
    public async Task ConcurrentWritersAreAcknowledgedOnlyOnceTheirVersionIsCommitted()
    {
        const int Writers = 12;
        var (store, connectionString) = await CreateAsync();
        await using var _ = store;
        var keys = Enumerable.Range(0, Writers).Select(_ => Some.Key()).ToArray();
        var seenAtAcknowledgement = new ConcurrentDictionary<EntityKey, long>();

        var blocker = await BlockWritersAsync(connectionString, "LOCK TABLE verso.versions IN EXCLUSIVE MODE;");
        var saves = keys.Select((key, n) => Task.Run(async () =>
        {
            var result = await store.AppendAsync(Some.Append(key, Some.Document(n)));
            // What another session (another instance) sees the moment the save returns.
            seenAtAcknowledgement[key] = await ScalarAsync(connectionString, $"SELECT count(*) FROM verso.versions v JOIN verso.entities e USING (entity_pk) WHERE e.id = '{key.Id}';");
            return result;
        })).ToArray();
        await WaitUntilWaitingAsync(connectionString);
        var acknowledgedWhileLocked = saves.Count(s => s.IsCompleted);
        await blocker.Transaction.RollbackAsync();
        await blocker.DisposeAsync();
        var results = await Task.WhenAll(saves);

        Assert.Equal(0, acknowledgedWhileLocked);
        Assert.All(results, r => Assert.Equal((AppendOutcome.Created, 1), (r.Outcome, r.Head.Version)));
        Assert.All(keys, key => Assert.Equal(1L, seenAtAcknowledgement[key]));
    }

    [Fact]
    public async Task AConflictInASharedCommitFailsOnlyItsOwnSave()
    {
        var (store, connectionString) = await CreateAsync();
        await using var _ = store;
        var keys = Enumerable.Range(0, 8).Select(_ => Some.Key()).ToArray();

        var blocker = await BlockWritersAsync(connectionString, "LOCK TABLE verso.versions IN EXCLUSIVE MODE;");
        // Every other save expects a version its entity does not have.
        var saves = keys.Select((key, n) => Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(n)) with { ExpectedVersion = n % 2 == 0 ? 0 : 3 }))).ToArray();
        await WaitUntilWaitingAsync(connectionString);
        await blocker.Transaction.RollbackAsync();
        await blocker.DisposeAsync();
        await Task.WhenAll(saves.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var n = 0; n < keys.Length; n++)
        {
            if (n % 2 == 0)
            {
                Assert.Equal(1, (await saves[n]).Head.Version);
                Assert.Equal(1, await store.CountVersionsAsync(keys[n]));
            }
            else
            {
                await Assert.ThrowsAsync<VersionConflictException>(() => saves[n]);
                Assert.Equal(0, await store.CountVersionsAsync(keys[n]));
            }
        }
    }

    [Fact]
    public async Task WritersToOneHotEntityInOneSharedCommitStayGaplessAndChained()
    {
        const int Writers = 16;
        var (store, connectionString) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();

        var blocker = await BlockWritersAsync(connectionString, "LOCK TABLE verso.versions IN EXCLUSIVE MODE;");
        var saves = Enumerable.Range(0, Writers).Select(n => Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(n))))).ToArray();
        await WaitUntilWaitingAsync(connectionString);
        await blocker.Transaction.RollbackAsync();
        await blocker.DisposeAsync();
        var results = await Task.WhenAll(saves);

        Assert.Equal(Enumerable.Range(1, Writers), results.Select(r => r.Head.Version).Order());
        Assert.Equal(Writers, await store.CountVersionsAsync(key));
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    private async Task<(PostgresVersionStore Store, string ConnectionString)> CreateAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();
        return (store, PostgresConnectionStrings.ToNpgsql(uri));
    }

    // Another session (as another instance would) takes a lock that appends wait for, and keeps it.
    private static async Task<LockHolder> BlockWritersAsync(string connectionString, string sql)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
        return new LockHolder(connection, transaction);
    }

    // Until a session of the store waits on a lock: the first writer's transaction is then queued behind the blocker.
    private static async Task WaitUntilWaitingAsync(string connectionString)
    {
        while (await ScalarAsync(connectionString, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database();") == 0)
        {
            await Task.Delay(10);
        }
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private sealed record LockHolder(NpgsqlConnection Connection, NpgsqlTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
