using Npgsql;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>
/// The change sequence's lock taken only for an appending transaction's last round trip: version rows written at the
/// end, heads locked without a store-wide order (deadlocks run again), and the change log still in commit order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresLateSequenceLockTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task OneEntitySavedManyTimesInOneBatchIsChainedDeltaEncodedAndPinnableInTheSameBatch()
    {
        var (store, connectionString) = await CreateAsync();
        await using var _ = store;
        var key = Some.Key();
        var decision = Some.Key("decision");
        var requests = Enumerable.Range(0, 40).Select(n => Some.Append(key, Charters.Edited(n))).ToList();
        // The same content again (unchanged), then a pin of a version this batch wrote, then a wrong pin's neighbour.
        requests.Add(Some.Append(key, Charters.Edited(39)));
        requests.Add(Some.Append(decision, Some.Document(1)) with { References = [new PinnedRef(key, 20, Charters.Edited(19).Hash)] });

        var results = await store.AppendBatchAsync(requests);

        Assert.Equal(Enumerable.Range(1, 40), results.Take(40).Select(r => r.Head.Version));
        Assert.Equal((AppendOutcome.Unchanged, 40), (results[40].Outcome, results[40].Head.Version));
        Assert.Equal(results[39].Head.ChainHash, results[40].Head.ChainHash);
        Assert.Equal(Charters.Edited(39).Utf8.ToArray(), results[40].Head.Content.ToArray());
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
        for (var version = 1; version <= 40; version++)
        {
            var read = (await store.GetVersionAsync(key, version))!;
            Assert.Equal((Charters.Edited(version - 1).Hash, results[version - 1].Head.ChainHash), (read.Hash, read.ChainHash));
        }

        // Keyframes first written in this batch served as delta bases for the versions after them, and no delta is on a delta.
        Assert.True(await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs WHERE base IS NOT NULL;") > 30);
        Assert.Equal(0L, await ScalarAsync(connectionString, "SELECT count(*) FROM verso.blobs b JOIN verso.blobs d ON d.blob_pk = b.base WHERE d.base IS NOT NULL;"));
        Assert.Equal(new[] { VersionRef.ForVersion(decision, 1) }, await store.FindReferrersAsync(key, 20));
        // The change log holds the batch in append order, numbered without a gap.
        var changes = await store.ReadChangesAsync(0, 100);
        Assert.Equal(Enumerable.Range(1, 41).Select(n => (long)n), changes.Select(c => c.Sequence));
        Assert.Equal(results.Where(r => r.Outcome == AppendOutcome.Created).Select(r => r.Head.Ref), changes.Select(c => c.Ref));
    }

    [Fact]
    public async Task APinOfAVersionOfTheSameBatchWithAnotherHashIsRefusedAndNothingIsWritten()
    {
        var (store, _) = await CreateAsync();
        await using var __ = store;
        var key = Some.Key();
        var requests = new[]
        {
            Some.Append(key, Some.Document(1)),
            Some.Append(Some.Key("decision"), Some.Document(2)) with { References = [new PinnedRef(key, 1, Some.Document(3).Hash)] },
        };

        var refused = await Assert.ThrowsAsync<Verso.Errors.InvalidReferenceException>(() => store.AppendBatchAsync(requests));

        Assert.Contains(Some.Document(1).Hash.ToString(), refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await store.CountVersionsAsync(key));
        Assert.Empty(await store.ReadChangesAsync(0, 10));
    }

    [Fact]
    public async Task ReadersOfTheChangeLogNeverSeeALaterSequenceBeforeAnEarlierOne()
    {
        const int WritersPerStore = 6;
        const int SavesPerWriter = 12;
        var (first, connectionString) = await CreateAsync();
        await using var _ = first;
        // A second store object on the same database: another process's group commit.
        await using var second = new PostgresVersionStore(connectionString);
        var writing = new[] { first, second }
            .SelectMany(store => Enumerable.Range(0, WritersPerStore).Select(w => Task.Run(async () =>
            {
                var key = Some.Key();
                for (var n = 0; n < SavesPerWriter; n++)
                {
                    // Every third save is a batch of two entities, so transactions of one and of several versions interleave.
                    if (n % 3 == 2)
                    {
                        await store.AppendBatchAsync([Some.Append(key, Some.Document(n)), Some.Append(Some.Key(), Some.Document(n))]);
                    }
                    else
                    {
                        await store.AppendAsync(Some.Append(key, Some.Document(n)));
                    }
                }
            })))
            .ToArray();
        var all = Task.WhenAll(writing);

        // Read as a change stream resumes: after the last sequence seen. Were a later sequence visible before an
        // earlier one committed, a read would start past cursor + 1 (the earlier one would come later, or never).
        var seen = new List<long>();
        var cursor = 0L;
        while (true)
        {
            var done = all.IsCompleted;
            var page = await first.ReadChangesAsync(cursor, 1_000);
            Assert.Equal(Enumerable.Range(0, page.Count).Select(i => cursor + 1 + i), page.Select(c => c.Sequence));
            seen.AddRange(page.Select(c => c.Sequence));
            cursor = page.Count > 0 ? page[^1].Sequence : cursor;
            if (done && page.Count == 0)
            {
                break;
            }
        }

        await all;
        var total = 2 * WritersPerStore * (SavesPerWriter + (SavesPerWriter / 3));
        Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), seen);
    }

    [Fact]
    public async Task GroupsOfTwoStoresLockingTheSameHeadsInOppositeOrdersEachLandExactlyOnce()
    {
        const int Rounds = 12;
        var (first, connectionString) = await CreateAsync();
        await using var _ = first;
        await using var second = new PostgresVersionStore(connectionString);
        var (a, b) = (Some.Key(), Some.Key());

        var saves = new[] { (Store: first, Keys: new[] { a, b }, Tag: 0), (Store: second, Keys: new[] { b, a }, Tag: 1) }
            .Select(side => Task.Run(async () =>
            {
                var results = new List<AppendResult>();
                for (var round = 0; round < Rounds; round++)
                {
                    var content = Some.Document((1_000 * side.Tag) + round);
                    results.AddRange(await side.Store.AppendBatchAsync(side.Keys.Select(key => Some.Append(key, content) with { Force = true }).ToList()));
                }

                return results;
            }))
            .ToArray();
        var results = (await Task.WhenAll(saves)).SelectMany(r => r).ToList();

        foreach (var key in new[] { a, b })
        {
            var acknowledged = results.Where(r => r.Head.Key == key).Select(r => r.Head.Version).Order().ToList();
            Assert.Equal(Enumerable.Range(1, 2 * Rounds), acknowledged);
            var history = await first.GetHistoryAsync(key, 0, 100).ToListAsync();
            Assert.Equal(
                results.Where(r => r.Head.Key == key).OrderBy(r => r.Head.Version).Select(r => (r.Head.Version, r.Head.Hash)),
                history.OrderBy(s => s.Version).Select(s => (s.Version, s.Hash)));
        }

        Assert.True((await IntegrityVerifier.VerifyAsync(first)).IsIntact);
        Assert.Equal(4 * Rounds, (await first.ReadChangesAsync(0, 1_000)).Count);
    }

    [Fact]
    public async Task AnAppendThatPostgresAbortsForADeadlockRunsAgainAndLandsOnce()
    {
        var (seed, connectionString) = await CreateAsync();
        await seed.DisposeAsync();
        // This store's sessions look for a deadlock after 2 s of waiting, the blocker's after 10 minutes: PostgreSQL
        // then resolves the deadlock below by aborting the store's transaction, never the blocker's.
        await using var store = new PostgresVersionStore(connectionString + ";Options=-c deadlock_timeout=2s");
        var (first, second) = (EntityKey.Create("agent", "a-" + Some.Id()), EntityKey.Create("agent", "b-" + Some.Id()));
        await store.AppendBatchAsync([Some.Append(first, Some.Document(1)), Some.Append(second, Some.Document(1))]);

        await using var blocker = new NpgsqlConnection(connectionString + ";Options=-c deadlock_timeout=600s");
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await ExecuteAsync(blocker, $"SELECT 1 FROM verso.entities WHERE id = '{second.Id}' FOR NO KEY UPDATE;");
        // The store locks the first head, then waits for the second.
        var saving = Task.Run(() => store.AppendBatchAsync([Some.Append(first, Some.Document(2)), Some.Append(second, Some.Document(2))]));
        await WaitUntilWaitingAsync(connectionString, 1);
        // The blocker now waits for the first head: a cycle, which PostgreSQL breaks by aborting the store's transaction.
        await ExecuteAsync(blocker, $"SELECT 1 FROM verso.entities WHERE id = '{first.Id}' FOR NO KEY UPDATE;");
        await transaction.RollbackAsync();
        var results = await saving;

        Assert.Equal(new[] { (AppendOutcome.Created, 2), (AppendOutcome.Created, 2) }, results.Select(r => (r.Outcome, r.Head.Version)));
        Assert.Equal((2, 2), (await store.CountVersionsAsync(first), await store.CountVersionsAsync(second)));
        Assert.Equal(Enumerable.Range(1, 4).Select(n => (long)n), (await store.ReadChangesAsync(0, 10)).Select(c => c.Sequence));
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    private async Task<(PostgresVersionStore Store, string ConnectionString)> CreateAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();
        return (store, PostgresConnectionStrings.ToNpgsql(uri));
    }
}
