using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Storage.Retention;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>
/// A lone append as one statement outside any transaction, from the head the store object remembers: one command per
/// save, and never a fork of the chain, a delta on a missing or a delta base, or a version written without the change
/// sequence's lock or a blob's lock, whatever moved behind the remembered head.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLoneAppendTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task ASaveOfARememberedHeadIsOneCommandOutsideATransaction()
    {
        var (store, connectionString, database) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Charters.Edited(0)));

        using var commands = new CommandCounter(database);
        for (var n = 1; n < 6; n++)
        {
            var result = await store.AppendAsync(Some.Append(key, Charters.Edited(n)) with { ExpectsChange = true });
            Assert.Equal((AppendOutcome.Created, n + 1), (result.Outcome, result.Head.Version));
        }

        // The locked path sends two commands (the head lock with its reads, then the writes) and a COMMIT.
        Assert.Equal(5, commands.Count);
        Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%';"));
        await AssertIntactAsync(store, connectionString, key, 6, n => Charters.Edited(n - 1));
        // Stored as deltas on the first version's keyframe, as the locked path stores them.
        Assert.Equal(5L, await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs WHERE base IS NOT NULL;"));
        Assert.Equal(
            Enumerable.Range(1, 6).Select(v => VersionRef.ForVersion(key, v)),
            (await store.ReadChangesAsync(0, 10)).Select(c => c.Ref));
    }

    [Fact]
    public async Task AHeadAnotherStoreObjectMovedIsChainedOnOrConflictsNeverForked()
    {
        var (first, connectionString, _) = await CreateAsync();
        await using var __ = first;
        // Another process on the same database.
        await using var second = new PostgresVersionStore(connectionString);
        var key = Some.Key();
        await first.AppendAsync(Some.Append(key, Some.Document(1)));
        await second.AppendAsync(Some.Append(key, Some.Document(2)));

        // first remembers version 1 as the head; the save must land on version 2, not beside it.
        var chained = await first.AppendAsync(Some.Append(key, Some.Document(3)) with { ExpectsChange = true });
        await second.AppendAsync(Some.Append(key, Some.Document(4)));
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => first.AppendAsync(Some.Append(key, Some.Document(5)) with { ExpectedVersion = 3, ExpectsChange = true }));
        // The same content as the head another store wrote: unchanged, not a new version.
        var unchanged = await first.AppendAsync(Some.Append(key, Some.Document(4)) with { ExpectsChange = true });

        Assert.Equal(3, chained.Head.Version);
        Assert.Equal((3, 4), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal((AppendOutcome.Unchanged, 4), (unchanged.Outcome, unchanged.Head.Version));
        await AssertIntactAsync(first, connectionString, key, 4, n => Some.Document(n));
    }

    [Fact]
    public async Task ARememberedKeyframeThatAnotherStoreObjectPrunedAwayIsNotBuiltOn()
    {
        var (store, connectionString, database) = await CreateAsync();
        await using var _ = store;
        await using var other = new PostgresVersionStore(connectionString);
        var key = Some.Key();
        for (var n = 0; n < 5; n++)
        {
            await store.AppendAsync(Some.Append(key, Charters.Edited(n)));
        }

        // Version 1 is the keyframe the store remembers; pruning it away deletes its blob (the head is re-encoded first).
        var keyframe = await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs WHERE base IS NULL;");
        await other.PruneAsync(key, new RetentionPolicy(1), new ContentRemoval(ContentRemovalKind.Pruned, "ops", Some.Instant, "keep 1"));
        Assert.Equal((1L, 1L), (keyframe, await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs;")));

        using var commands = new CommandCounter(database);
        var saved = await store.AppendAsync(Some.Append(key, Charters.Edited(5)) with { ExpectsChange = true });
        var then = await store.AppendAsync(Some.Append(key, Charters.Edited(6)) with { ExpectsChange = true });

        // The stale keyframe sent the first save to the locked path (the statement, then its two commands), which read the
        // keyframe anew; the next save went alone again on it.
        Assert.Equal(4, commands.Count);
        Assert.Equal((6, 7), (saved.Head.Version, then.Head.Version));
        foreach (var version in new[] { 5, 6, 7 })
        {
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), (await store.GetVersionAsync(key, version))!.Content.ToArray());
        }

        await AssertNoBrokenDeltaAsync(connectionString);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    [Fact]
    public async Task ARememberedKeyframeThatGcStoredAgainStillReadsBack()
    {
        var (store, connectionString, _) = await CreateAsync();
        await using var _ = store;
        await using var other = new PostgresVersionStore(connectionString);
        var key = Some.Key();
        for (var n = 0; n < 40; n++)
        {
            await store.AppendAsync(Some.Append(key, Charters.Edited(n)));
        }

        // Every blob stored whole, as an old store kept them, then gc through another store object plans keyframes anew.
        await using (var connection = await OpenAsync(connectionString))
        {
            await StoreEveryBlobWholeAsync(connection);
        }

        await other.CompactAsync();
        for (var n = 40; n < 45; n++)
        {
            await store.AppendAsync(Some.Append(key, Charters.Edited(n)) with { ExpectsChange = true });
        }

        await AssertIntactAsync(store, connectionString, key, 45, n => Charters.Edited(n - 1));
    }

    [Fact]
    public async Task ALoneSaveNeverWritesWithoutTheChangeSequencesLock()
    {
        var (store, connectionString, _) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));

        // Another session holds the change sequence's lock, as a committing appender of another process does.
        await using var holder = await OpenAsync(connectionString);
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({PostgresVersionStore.ChangeSequenceLockKey});");
        var saving = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(2)) with { ExpectsChange = true }));
        await WaitUntilWaitingAsync(connectionString, unlessDone: saving);
        var savedWhileHeld = saving.IsCompleted;
        var countWhileHeld = await ScalarAsync(connectionString, "SELECT count(*) FROM verso.versions;");
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({PostgresVersionStore.ChangeSequenceLockKey});");

        Assert.False(savedWhileHeld);
        Assert.Equal(1L, countWhileHeld);
        Assert.Equal(2, (await saving).Head.Version);
        Assert.Equal(new long[] { 1, 2 }, (await store.ReadChangesAsync(0, 10)).Select(c => c.Sequence));
    }

    [Fact]
    public async Task ALoneSaveWaitsForARemovalHoldingItsContentsBlob()
    {
        var (store, connectionString, _) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));
        var content = Some.Document(2);

        // A prune or an erase holds a blob's lock exclusively while it decides whether to delete it.
        await using var remover = await OpenAsync(connectionString);
        await ExecuteAsync(remover, $"SELECT pg_advisory_lock({PostgresVersionStore.BlobLockKey(content.Hash)});");
        var saving = Task.Run(() => store.AppendAsync(Some.Append(key, content) with { ExpectsChange = true }));
        await WaitUntilWaitingAsync(connectionString, unlessDone: saving);
        var savedWhileHeld = saving.IsCompleted;
        await ExecuteAsync(remover, $"SELECT pg_advisory_unlock({PostgresVersionStore.BlobLockKey(content.Hash)});");

        Assert.False(savedWhileHeld);
        Assert.Equal(content.Utf8.ToArray(), (await store.GetVersionAsync(key, (await saving).Head.Version))!.Content.ToArray());
    }

    [Fact]
    public async Task LoneSavesOfTwoStoreObjectsOnOneEntityLandOnceEachInOneChain()
    {
        const int SavesEach = 25;
        var (first, connectionString, _) = await CreateAsync();
        await using var __ = first;
        await using var second = new PostgresVersionStore(connectionString);
        var key = Some.Key();
        await first.AppendAsync(Some.Append(key, Some.Document(0)));

        var results = await Task.WhenAll(new[] { first, second }.Select((store, side) => Task.Run(async () =>
        {
            var mine = new List<AppendResult>();
            for (var n = 1; n <= SavesEach; n++)
            {
                mine.Add(await store.AppendAsync(Some.Append(key, Some.Document((1_000 * side) + n)) with { ExpectsChange = true }));
            }

            return mine;
        })));

        var created = results.SelectMany(r => r).ToList();
        Assert.All(created, r => Assert.Equal(AppendOutcome.Created, r.Outcome));
        Assert.Equal(Enumerable.Range(2, 2 * SavesEach), created.Select(r => r.Head.Version).Order());
        var history = await first.GetHistoryAsync(key, 0, 100).ToListAsync();
        Assert.Equal(created.OrderBy(r => r.Head.Version).Select(r => (r.Head.Hash, r.Head.ChainHash)), history.Where(s => s.Version > 1).OrderBy(s => s.Version).Select(s => (s.Hash, s.ChainHash)));
        Assert.Equal(Enumerable.Range(1, (2 * SavesEach) + 1).Select(n => (long)n), (await first.ReadChangesAsync(0, 100)).Select(c => c.Sequence));
        Assert.True((await IntegrityVerifier.VerifyAsync(first)).IsIntact);
    }

    [Fact]
    public async Task AGroupOfSavesOnRememberedHeadsChainsOnHeadsAndKeyframesAnotherStoreObjectMoved()
    {
        var (store, connectionString, _) = await CreateAsync();
        await using var __ = store;
        await using var other = new PostgresVersionStore(connectionString);
        var keys = Enumerable.Range(0, 8).Select(_ => Some.Key()).ToArray();
        // Each entity's own charter (of its own length), so no blob is shared between them.
        CanonicalDocument Charter(EntityKey key, int edit) => Charters.Edited(edit, 120 + Array.IndexOf(keys, key));
        foreach (var key in keys)
        {
            for (var n = 0; n < 3; n++)
            {
                await store.AppendAsync(Some.Append(key, Charter(key, n)));
            }
        }

        // Behind the remembered heads: two heads moved, one keyframe pruned away.
        await other.AppendAsync(Some.Append(keys[2], Charter(keys[2], 100)));
        await other.AppendAsync(Some.Append(keys[5], Charter(keys[5], 100)));
        await other.PruneAsync(keys[6], new RetentionPolicy(1), new ContentRemoval(ContentRemovalKind.Pruned, "ops", Some.Instant, "keep 1"));

        // The first save waits on the table, holding the store's commit; the rest queue behind it and commit as a group.
        var blocker = await OpenAsync(connectionString);
        var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "LOCK TABLE verso.versions IN EXCLUSIVE MODE;");
        var saves = keys.Select(key => Task.Run(() => store.AppendAsync(Some.Append(key, Charter(key, 3)) with { ExpectsChange = true }))).ToArray();
        await WaitUntilWaitingAsync(connectionString, unlessDone: Task.WhenAll(saves));

        await transaction.RollbackAsync();
        await blocker.DisposeAsync();
        var results = await Task.WhenAll(saves);

        Assert.Equal(keys.Select(k => k == keys[2] || k == keys[5] ? 5 : 4), results.Select(r => r.Head.Version));
        foreach (var key in keys)
        {
            var last = (await store.GetVersionAsync(key, await store.CountVersionsAsync(key)))!;
            Assert.Equal(Charter(key, 3).Utf8.ToArray(), last.Content.ToArray());
        }

        await AssertNoBrokenDeltaAsync(connectionString);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
        // And once more, now as a group of remembered heads only.
        var again = await Task.WhenAll(keys.Select(key => Task.Run(() => store.AppendAsync(Some.Append(key, Charter(key, 4)) with { ExpectsChange = true }))));
        Assert.Equal(results.Select(r => r.Head.Version + 1), again.Select(r => r.Head.Version));
        await AssertNoBrokenDeltaAsync(connectionString);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    [Fact]
    public async Task AGroupOfSavesOfOneEntityBuildsEachOnTheOneBeforeIt()
    {
        const int Saves = 12;
        var (store, connectionString, _) = await CreateAsync();
        await using var __ = store;
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Charters.Edited(0)));
        var first = Some.Key();
        await store.AppendAsync(Some.Append(first, Some.Document(0)));

        // A save of another entity waits on the table, holding the store's commit; the saves of one entity queue behind it
        // and commit as a group, each appended on the version the one before it left in the same transaction.
        var blocker = await OpenAsync(connectionString);
        var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, "LOCK TABLE verso.versions IN EXCLUSIVE MODE;");
        var waiting = Task.Run(() => store.AppendAsync(Some.Append(first, Some.Document(1)) with { ExpectsChange = true }));
        await WaitUntilWaitingAsync(connectionString, unlessDone: waiting);
        var saves = Enumerable.Range(1, Saves).Select(n => Task.Run(() => store.AppendAsync(Some.Append(key, Charters.Edited(n)) with { ExpectsChange = true }))).ToArray();
        await transaction.RollbackAsync();
        await blocker.DisposeAsync();
        await waiting;
        var results = await Task.WhenAll(saves);

        Assert.Equal(Enumerable.Range(2, Saves), results.Select(r => r.Head.Version).Order());
        var history = await store.GetHistoryAsync(key, 0, 100).ToListAsync();
        Assert.Equal(results.OrderBy(r => r.Head.Version).Select(r => (r.Head.Hash, r.Head.ChainHash)), history.Where(h => h.Version > 1).OrderBy(h => h.Version).Select(h => (h.Hash, h.ChainHash)));
        Assert.All(history, h => Assert.Equal(results.SingleOrDefault(r => r.Head.Version == h.Version)?.Head.Content.ToArray() ?? Charters.Edited(0).Utf8.ToArray(), h.Content.ToArray()));
        await AssertNoBrokenDeltaAsync(connectionString);
        Assert.True(await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs WHERE base IS NOT NULL;") >= Saves / 2);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    private async Task<(PostgresVersionStore Store, string ConnectionString, string Database)> CreateAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();
        return (store, PostgresConnectionStrings.ToNpgsql(uri), new Uri(uri).AbsolutePath.TrimStart('/'));
    }

    private static async Task AssertIntactAsync(PostgresVersionStore store, string connectionString, EntityKey key, int versions, Func<int, CanonicalDocument> contentOf)
    {
        Assert.Equal(versions, await store.CountVersionsAsync(key));
        for (var version = 1; version <= versions; version++)
        {
            Assert.Equal(contentOf(version).Utf8.ToArray(), (await store.GetVersionAsync(key, version))!.Content.ToArray());
        }

        await AssertNoBrokenDeltaAsync(connectionString);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    private static async Task AssertNoBrokenDeltaAsync(string connectionString)
    {
        Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs b LEFT JOIN verso.blobs d ON d.blob_pk = b.base WHERE b.base IS NOT NULL AND (d.hash IS NULL OR d.base IS NOT NULL);"));
    }

    // The commands Npgsql executes on one database (each one round trip; a COMMIT is not a command here), from its
    // tracing: what the store sends, counted where it is sent.
    private sealed class CommandCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<string> _seen = new();

        public CommandCounter(string database)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    var tags = activity.TagObjects.Select(t => t.Value as string).ToList();
                    if (tags.Contains(database) && tags.Any(t => t?.Contains("verso.", StringComparison.Ordinal) == true))
                    {
                        _seen.Enqueue(activity.DisplayName);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => _seen.Count;

        public void Dispose() => _listener.Dispose();
    }
}
