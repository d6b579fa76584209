using Npgsql;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

namespace Verso.Postgres.Tests;

/// <summary>
/// PostgreSQL's own failures, provoked for real on the fixture's server, leave the store in the categories the
/// SQLite store reports (<see cref="StoreFailureCause"/>): a read-only database, a lock held past the lock
/// timeout, a terminated session, a version number taken by a writer that ignored the head's lock.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFaultTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task AReadOnlyDatabaseFailsAsReadOnlyAndIsRememberedForReadinessWhileReadsGoOn()
    {
        var (uri, database) = await CreateAsync();
        var key = Some.Key();
        await using (var before = new PostgresVersionStore(uri))
        {
            await before.AppendAsync(Some.Append(key, Some.Document(1)));
        }

        await AdminAsync(uri, $"ALTER DATABASE {database} SET default_transaction_read_only = on;");
        await using var store = new PostgresVersionStore(uri);

        var failure = await Assert.ThrowsAsync<StoreFailureException>(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        var tag = await Assert.ThrowsAsync<StoreFailureException>(() => store.MoveTagAsync(new TagMove(key, "live", null, 1, "ops", Some.Instant, null)));

        Assert.Equal((StoreFailureCause.ReadOnly, "25006"), (failure.Cause, failure.DriverCode));
        Assert.Contains("read-only", failure.Message, StringComparison.Ordinal);
        Assert.Equal(StoreFailureCause.ReadOnly, tag.Cause);
        Assert.Equal(StoreFailureCause.ReadOnly, store.WriteFault?.Cause);
        Assert.Equal(1, (await store.GetLatestAsync(key))!.Version);
    }

    [Fact]
    public async Task ALockHeldPastTheLockTimeoutIsBusyAndNothingIsSaved()
    {
        var (uri, database) = await CreateAsync();
        await AdminAsync(uri, $"ALTER DATABASE {database} SET lock_timeout = '100ms';");
        await using var store = new PostgresVersionStore(uri);
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        // Another session (as another instance would) holds the head row and does not let go.
        await using var holder = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand($"SELECT 1 FROM verso.entities WHERE id = '{key.Id}' FOR UPDATE;", holder, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var busy = await Assert.ThrowsAsync<StoreFailureException>(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        await transaction.RollbackAsync();

        Assert.Equal((StoreFailureCause.Busy, "55P03"), (busy.Cause, busy.DriverCode));
        Assert.Contains("try again", busy.Message, StringComparison.Ordinal);
        // Busy is not a lasting cause: nothing is remembered against writes, and the next write goes through.
        Assert.Null(store.WriteFault);
        Assert.Equal(1, await store.CountVersionsAsync(key));
        Assert.Equal(2, (await store.AppendAsync(Some.Append(key, Some.Document(2)))).Head.Version);
    }

    [Fact]
    public async Task ATerminatedSessionIsUnavailableAndTheNextOperationGetsANewOne()
    {
        var (uri, _) = await CreateAsync();
        await using var store = new PostgresVersionStore(uri);
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        // An operator (or a failover) ends every session of the store; its pooled connection is one of them.
        await AdminAsync(uri, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();");
        var gone = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetLatestAsync(key));

        Assert.Contains(uri[(uri.LastIndexOf('@') + 1)..], gone.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, gone.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetLatestAsync(key))!.Version);
    }

    [Fact]
    public async Task AVersionNumberTakenPastTheHeadLockIsAVersionConflict()
    {
        var (uri, _) = await CreateAsync();
        await using var store = new PostgresVersionStore(uri);
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        // A writer that ignores the head row (an old tool, a hand-written INSERT) holds the change sequence's lock,
        // so the append waits before reading the head, then writes version 2 without moving the head.
        await using var rogue = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await rogue.OpenAsync();
        await using var transaction = await rogue.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresVersionStore.ChangeSequenceLockKey});", rogue, transaction))
        {
            await take.ExecuteNonQueryAsync();
        }

        var append = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        await WaitUntilWaitingAsync(uri);
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO verso.versions (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, seq)
            SELECT entity_pk, 2, hash, 'rogue', saved_at, NULL, operation, schema_version, NULL, chain_hash, NULL, seq + 1
            FROM verso.versions WHERE entity_pk = (SELECT entity_pk FROM verso.entities WHERE id = '{key.Id}') AND version = 1;
            """,
            rogue,
            transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => append);

        Assert.Equal((key.Kind, key.Id, 1, 2), (conflict.Kind, conflict.Id, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Null(store.WriteFault);
    }

    [Fact]
    public async Task AVerifyThatWaitsLongerThanTheCommandTimeoutStillReadsEveryVersion()
    {
        var (uri, _) = await CreateAsync();
        var key = Some.Key();
        await using (var writer = new PostgresVersionStore(uri))
        {
            await writer.AppendAsync(Some.Append(key, Some.Document(1)));
            await writer.AppendAsync(Some.Append(key, Some.Document(2)));
        }

        // A one-second command timeout stands for Npgsql's default 30 s against a scan of ten million versions: the
        // scan's statement is held back (here by a lock another session holds) for longer than the timeout.
        await using var store = new PostgresVersionStore(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "Command%20Timeout=1");
        var (holder, transaction) = await LockVersionsAsync(uri);
        await using var holding = holder;

        var verify = IntegrityVerifier.VerifyAsync(store);
        // Watched from a session of its own: inside the holder's transaction pg_stat_activity would stay as first read.
        await using var watcher = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await watcher.OpenAsync();
        await using (var waited = new NpgsqlCommand(
            """
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND clock_timestamp() - query_start > interval '1500 milliseconds';
            """,
            watcher))
        {
            // Bounded, so a verify that never reaches the lock fails the assertions below instead of hanging the run.
            for (var polls = 0; polls < 600 && (long)(await waited.ExecuteScalarAsync())! == 0 && !verify.IsCompleted; polls++)
            {
                await Task.Delay(100);
            }
        }

        await transaction.RollbackAsync();
        var report = await verify;

        Assert.Empty(report.StorageProblems);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal(2, report.Versions);
    }

    [Fact]
    public async Task AVerifyStoppedByTheServerReportsTheStopNotEveryVersionAsMissing()
    {
        var (uri, database) = await CreateAsync();
        await using (var writer = new PostgresVersionStore(uri))
        {
            var key = Some.Key();
            await writer.AppendAsync(Some.Append(key, Some.Document(1)));
            await writer.AppendAsync(Some.Append(key, Some.Document(2)));
            await writer.AppendAsync(Some.Append(Some.Key(), Some.Document(3)));
        }

        await AdminAsync(uri, $"ALTER DATABASE {database} SET statement_timeout = '300ms';");
        await using var store = new PostgresVersionStore(uri);
        var (holder, transaction) = await LockVersionsAsync(uri);
        await using var holding = holder;

        var report = await IntegrityVerifier.VerifyAsync(store);
        await transaction.RollbackAsync();

        Assert.False(report.IsIntact);
        Assert.StartsWith("the read stopped after 0 versions", Assert.Single(report.StorageProblems), StringComparison.Ordinal);
        Assert.Empty(report.Problems);
    }

    // Another session holds the versions table, as a long migration or an operator's LOCK would, until it rolls back.
    private static async Task<(NpgsqlConnection Holder, NpgsqlTransaction Transaction)> LockVersionsAsync(string uri)
    {
        var holder = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await holder.OpenAsync();
        var transaction = await holder.BeginTransactionAsync();
        await using var lockTable = new NpgsqlCommand("LOCK TABLE verso.versions IN ACCESS EXCLUSIVE MODE;", holder, transaction);
        await lockTable.ExecuteNonQueryAsync();
        return (holder, transaction);
    }

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

    // Until a session of the store waits on a lock.
    private static async Task WaitUntilWaitingAsync(string uri)
    {
        while (true)
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri) + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database();", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(10);
        }
    }
}
