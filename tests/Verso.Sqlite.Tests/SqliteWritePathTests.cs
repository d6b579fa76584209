using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

using static Verso.Sqlite.Tests.SqliteFileSql;

namespace Verso.Sqlite.Tests;

/// <summary>The SQLite write path against another connection that holds the file's write lock.</summary>
public sealed class SqliteWritePathTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AnUnchangedSaveReturnsWhileAnotherConnectionHoldsTheWriteLock()
    {
        var (store, path) = await CreateAsync();
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        await using var blocker = await HoldWriteLockAsync(path);
        // Answered from a read: without that it would wait for the lock (a minute) and fail.
        var unchanged = await store.AppendAsync(Some.Append(key, Some.Document(1), by: "someone else"));
        var changed = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        var conflicting = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(1)) with { ExpectedVersion = 7 }));
        var changedWhileLocked = changed.IsCompleted;
        await blocker.Transaction.RollbackAsync();

        Assert.Equal((AppendOutcome.Unchanged, 1, "tester"), (unchanged.Outcome, unchanged.Head.Version, unchanged.Head.SavedBy));
        Assert.Equal(Some.Document(1).Utf8.ToArray(), unchanged.Head.Content.ToArray());
        Assert.Equal((await store.GetVersionAsync(key, 1))!.ChainHash, unchanged.Head.ChainHash);
        Assert.False(changedWhileLocked, "a changed save must wait for the write lock");
        Assert.Equal(2, (await changed).Head.Version);
        // An unchanged content under a wrong expected version is still a conflict, decided under the lock.
        await Assert.ThrowsAsync<VersionConflictException>(() => conflicting);
    }

    [Fact]
    public async Task ConcurrentWritersAreAcknowledgedOnlyOnceTheirVersionIsCommitted()
    {
        const int Writers = 12;
        var (store, path) = await CreateAsync();
        var keys = Enumerable.Range(0, Writers).Select(_ => Some.Key()).ToArray();
        var seenAtAcknowledgement = new ConcurrentDictionary<EntityKey, long>();

        var blocker = await HoldWriteLockAsync(path);
        var saves = keys.Select((key, n) => Task.Run(async () =>
        {
            var result = await store.AppendAsync(Some.Append(key, Some.Document(n)));
            // What another connection (another process) sees the moment the save returns.
            seenAtAcknowledgement[key] = (long)(await ScalarAsync(path, $"SELECT count(*) FROM versions v JOIN entities e USING (entity_pk) WHERE e.id = '{key.Id}';"))!;
            return result;
        })).ToArray();
        var acknowledgedWhileLocked = saves.Count(s => s.IsCompleted);
        var committedWhileLocked = await ScalarAsync(path, "SELECT count(*) FROM versions;");
        await blocker.Transaction.RollbackAsync();
        await blocker.DisposeAsync();
        var results = await Task.WhenAll(saves);

        Assert.Equal(0, acknowledgedWhileLocked);
        Assert.Equal(0L, committedWhileLocked);
        Assert.All(results, r => Assert.Equal((AppendOutcome.Created, 1), (r.Outcome, r.Head.Version)));
        Assert.All(keys, key => Assert.Equal(1L, seenAtAcknowledgement[key]));
    }

    [Fact]
    public async Task AConflictInASharedCommitFailsOnlyItsOwnSave()
    {
        var (store, path) = await CreateAsync();
        var keys = Enumerable.Range(0, 8).Select(_ => Some.Key()).ToArray();

        var blocker = await HoldWriteLockAsync(path);
        // Every other save expects a version its entity does not have.
        var saves = keys.Select((key, n) => Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(n)) with { ExpectedVersion = n % 2 == 0 ? 0 : 3 }))).ToArray();
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

    private async Task<(SqliteVersionStore Store, string Path)> CreateAsync()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        return (store, path);
    }

    // Another connection (as another process would) takes the write lock and keeps it.
    private static async Task<LockHolder> HoldWriteLockAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        return new LockHolder(connection, connection.BeginTransaction(deferred: false));
    }

    private sealed record LockHolder(SqliteConnection Connection, SqliteTransaction Transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transaction.DisposeAsync();
            await Connection.DisposeAsync();
        }
    }
}
