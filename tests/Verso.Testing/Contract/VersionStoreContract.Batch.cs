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
}
