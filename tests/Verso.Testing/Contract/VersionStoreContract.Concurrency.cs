using Verso.Errors;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// The contract under concurrent writers: nothing lost, nothing duplicated, one winner per version.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task ConcurrentSavesOfDistinctContentsAreAllKeptWithoutGaps()
    {
        const int Writers = 8;
        const int SavesEach = 25;
        var key = Some.Key();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < SavesEach; i++)
            {
                await Store.AppendAsync(Some.Append(key, Some.Document((writer * 1000) + i), by: $"writer-{writer}"));
            }
        })));

        var history = await Store.GetHistoryAsync(key, 0, int.MaxValue).ToArrayAsync();
        Assert.Equal(Enumerable.Range(1, Writers * SavesEach).Reverse(), history.Select(s => s.Version));
        Assert.Equal(Writers * SavesEach, history.Select(s => s.Hash).Distinct().Count());
        Assert.Equal(Writers * SavesEach, await Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task RacingWritersWithExpectedVersionsHaveExactlyOneWinnerPerVersion()
    {
        const int Writers = 16;
        const int Rounds = 10;
        var key = Some.Key();
        var winners = new int[Rounds + 1];
        var conflicts = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            var expected = round - 1;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                try
                {
                    var content = Some.Document((round * 100) + writer);
                    return (await Store.AppendAsync(Some.Append(key, content) with { ExpectedVersion = expected })).Head.Version;
                }
                catch (VersionConflictException conflict)
                {
                    Assert.Equal(expected, conflict.ExpectedVersion);
                    Assert.True(conflict.ActualVersion > expected, "a loser must see the head a winner wrote");
                    Interlocked.Increment(ref conflicts);
                    return 0;
                }
            })));

            foreach (var version in outcomes.Where(v => v > 0))
            {
                winners[version]++;
            }
        }

        Assert.All(winners.Skip(1), count => Assert.Equal(1, count));
        Assert.Equal(Rounds * (Writers - 1), conflicts);
        Assert.Equal(Rounds, await Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task ThirtyTwoWritersSavingFiveHundredContentsEachToOneEntityLoseNothing()
    {
        const int Writers = 32;
        const int SavesEach = 500;
        const int Total = Writers * SavesEach;
        var key = Some.Key();

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < SavesEach; i++)
            {
                var result = await Store.AppendAsync(Some.Append(key, Some.Document((writer * SavesEach) + i)));
                Assert.Equal(AppendOutcome.Created, result.Outcome);
            }
        })));

        var versions = new List<int>(Total);
        var hashes = new HashSet<Documents.Hashing.ContentHash>();
        await foreach (var snapshot in Store.GetHistoryAsync(key, 0, int.MaxValue))
        {
            versions.Add(snapshot.Version);
            Assert.True(hashes.Add(snapshot.Hash), $"content {snapshot.Hash} appears twice");
        }

        Assert.Equal(Enumerable.Range(1, Total).Reverse(), versions);
        Assert.Equal(Total, await Store.CountVersionsAsync(key));
        var latest = await Store.GetLatestAsync(key);
        var listed = Assert.Single(await Store.ListEntitiesAsync(key.Kind).Where(h => h.Key == key).ToArrayAsync());
        Assert.Equal((Total, latest!.Hash), (listed.Version, listed.Hash));
        var statistics = await Store.GetStatisticsAsync();
        Assert.Equal((Total, Total), (statistics.Versions, statistics.Blobs));
        // Every writer that waited for the head must have linked its version to the one written before it.
        var report = await Storage.Integrity.IntegrityVerifier.VerifyAsync(Store);
        Assert.True(report.IsIntact, string.Join("\n", report.Problems.Take(5)));
    }
}
