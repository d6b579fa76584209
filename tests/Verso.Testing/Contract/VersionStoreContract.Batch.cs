using Verso.Errors;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// Batch appends: many versions in one call, each checked as a single append is, all or nothing.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task ABatchAppendsVersionsOfManyEntitiesInOrderWithEachChecked()
    {
        var (a, b) = (Some.Key(), Some.Key());
        await Store.AppendAsync(Some.Append(a, Some.Document(1)));

        var results = await Store.AppendBatchAsync(
        [
            Some.Append(a, Some.Document(2)) with { ExpectedVersion = 1 },
            Some.Append(b, Some.Document(1)),
            Some.Append(a, Some.Document(3)) with { ExpectedVersion = 2 },
            Some.Append(a, Some.Document(3)),
            Some.Append(b, Some.Document(1)) with { Force = true, Operation = Model.Snapshots.VersionOperation.Force },
        ]);

        Assert.Equal(
            new[] { (AppendOutcome.Created, "a", 2), (AppendOutcome.Created, "b", 1), (AppendOutcome.Created, "a", 3), (AppendOutcome.Unchanged, "a", 3), (AppendOutcome.Created, "b", 2) },
            results.Select(r => (r.Outcome, r.Head.Key == a ? "a" : "b", r.Head.Version)));
        Assert.Equal((3, 2), (await Store.CountVersionsAsync(a), await Store.CountVersionsAsync(b)));
        var history = (await Store.GetHistoryAsync(a, 0, 10).ToArrayAsync()).Reverse().ToArray();
        Assert.Equal([Some.Document(1).Hash, Some.Document(2).Hash, Some.Document(3).Hash], history.Select(s => s.Hash));
        for (var i = 1; i < history.Length; i++)
        {
            Assert.Equal(ChainHash.Compute(history[i - 1].ChainHash, history[i]), history[i].ChainHash);
        }

        Assert.Equal(results[2].Head, history[2]);
    }

    [Fact]
    public async Task ABatchWithOneConflictWritesNothing()
    {
        var existing = Some.Key();
        await Store.AppendAsync(Some.Append(existing, Some.Document(1)));
        var fresh = Some.Key();
        var before = await Store.GetStatisticsAsync();

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => Store.AppendBatchAsync(
        [
            Some.Append(fresh, Some.Document(50)),
            Some.Append(existing, Some.Document(51)),
            Some.Append(existing, Some.Document(52)) with { ExpectedVersion = 1 },
        ]));

        Assert.Equal((1, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(before, await Store.GetStatisticsAsync());
        Assert.Null(await Store.GetLatestAsync(fresh));
        Assert.Equal(Some.Document(1).Hash, (await Store.GetLatestAsync(existing))!.Hash);
        // The store goes on as if the batch had never been sent.
        var next = await Store.AppendAsync(Some.Append(existing, Some.Document(51)) with { ExpectedVersion = 1 });
        Assert.Equal(2, next.Head.Version);
    }

    [Fact]
    public async Task ABatchMayPinAVersionItAppendsButNotOneThatDoesNotExist()
    {
        var charter = Some.Key("agent");
        var decision = Some.Key("decision");
        var pinned = new PinnedRef(charter, 1, Some.Document(1).Hash);

        await Store.AppendBatchAsync(
        [
            Some.Append(charter, Some.Document(1)),
            Some.Append(decision, Some.Document(10)) with { References = [pinned] },
        ]);
        var other = Some.Key("decision");
        var missing = new PinnedRef(charter, 2, Some.Document(2).Hash);
        var invalid = await Assert.ThrowsAsync<InvalidReferenceException>(() => Store.AppendBatchAsync(
        [
            Some.Append(other, Some.Document(11)) with { References = [pinned] },
            Some.Append(other, Some.Document(12)) with { References = [missing] },
        ]));

        Assert.Equal([VersionRef.ForVersion(decision, 1)], await Store.FindReferrersAsync(charter, 1));
        Assert.Null(await Store.GetLatestAsync(other));
        Assert.Contains("no such version", invalid.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.AppendBatchAsync([]));
    }

    [Fact]
    public async Task BatchesRacingSinglesOnOneEntityLoseNothing()
    {
        var key = Some.Key();
        var batches = Enumerable.Range(0, 4).Select(w => Store.AppendBatchAsync(
            [.. Enumerable.Range(0, 10).Select(i => Some.Append(key, Some.Document((w * 1000) + i)))]));
        var singles = Enumerable.Range(0, 10).Select(i => Store.AppendAsync(Some.Append(key, Some.Document(9000 + i))));

        await Task.WhenAll(batches.Cast<Task>().Concat(singles));

        var history = await Store.GetHistoryAsync(key, 0, int.MaxValue).ToArrayAsync();
        Assert.Equal(Enumerable.Range(1, 50).Reverse(), history.Select(s => s.Version));
        Assert.Equal(50, history.Select(s => s.Hash).Distinct().Count());
    }

    [Fact]
    public async Task ABatchTouchingEntitiesSeveralTimesAnswersAsAppendingOneByOneWould()
    {
        var (old, fresh) = (Some.Key(), Some.Key());
        await Store.AppendAsync(Some.Append(old, Some.Document(1)) with { Message = "first" });
        await Store.AppendAsync(Some.Append(old, Some.Document(2)));
        var before = (await Store.GetLatestAsync(old))!;

        var results = await Store.AppendBatchAsync(
        [
            Some.Append(old, Some.Document(2), by: "someone else"),
            Some.Append(fresh, Some.Document(7)),
            Some.Append(old, Some.Document(3)) with { ExpectedVersion = 2 },
            Some.Append(fresh, Some.Document(7)),
            Some.Append(fresh, Some.Document(8)) with { ExpectedVersion = 1 },
            Some.Append(old, Some.Document(1)),
            Some.Append(fresh, Some.Document(7)),
            Some.Append(old, Some.Document(1)) with { Force = true, Operation = Model.Snapshots.VersionOperation.Force },
        ]);

        Assert.Equal(
            new[] { (AppendOutcome.Unchanged, 2), (AppendOutcome.Created, 1), (AppendOutcome.Created, 3), (AppendOutcome.Unchanged, 1), (AppendOutcome.Created, 2), (AppendOutcome.Created, 4), (AppendOutcome.Created, 3), (AppendOutcome.Created, 5) },
            results.Select(r => (r.Outcome, r.Head.Version)));
        // An unchanged answer is the head as stored, whoever asked; a later one in the batch is the version the batch wrote.
        Assert.Equal(before, results[0].Head);
        Assert.Equal(results[1].Head, results[3].Head);
        foreach (var result in results.Where(r => r.Outcome == AppendOutcome.Created))
        {
            Assert.Equal(result.Head, await Store.GetVersionAsync(result.Head.Key, result.Head.Version));
        }

        Assert.Equal([Some.Document(7).Hash, Some.Document(8).Hash, Some.Document(7).Hash], (await Store.GetHistoryAsync(fresh, 0, 10).ToArrayAsync()).Reverse().Select(s => s.Hash));
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }

    [Fact]
    public async Task ABatchWhoseLastRequestConflictsWithAVersionTheBatchItselfWroteWritesNothing()
    {
        var key = Some.Key();
        var other = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        var before = await Store.GetStatisticsAsync();

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(() => Store.AppendBatchAsync(
        [
            Some.Append(key, Some.Document(2)) with { ExpectedVersion = 1 },
            Some.Append(other, Some.Document(2)),
            Some.Append(key, Some.Document(3)) with { ExpectedVersion = 2 },
            Some.Append(key, Some.Document(4)) with { ExpectedVersion = 2 },
        ]));

        Assert.Equal((key.Id, 2, 3), (conflict.Id, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(before, await Store.GetStatisticsAsync());
        Assert.Equal((1, 0), (await Store.CountVersionsAsync(key), await Store.CountVersionsAsync(other)));
    }
}
