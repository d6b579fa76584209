using Verso.Storage.Integrity;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Testing.Contract;

// Rollbacks, tag moves and prunes racing other writers: the histories stay linear and protected content stays.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task RollbacksRacingSavesEachRestoreExactlyTheirTargetsContent()
    {
        var service = new VersioningService(Store, new KindRegistry());
        var key = Some.Key();
        for (var n = 1; n <= 5; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                if ((writer + i) % 2 == 0)
                {
                    await service.RollbackAsync(key, 1 + ((writer + i) % 5), new SaveOptions($"writer-{writer}"));
                }
                else
                {
                    await service.SaveAsync(key, Some.Document(100 + (writer * 10) + i), new SaveOptions($"writer-{writer}"));
                }
            }
        })));

        var history = (await Store.GetHistoryAsync(key, 0, int.MaxValue).ToArrayAsync()).Reverse().ToArray();
        Assert.Equal(Enumerable.Range(1, history.Length), history.Select(s => s.Version));
        foreach (var rollback in history.Where(s => s.Operation == VersionOperation.Rollback))
        {
            Assert.Equal(history[rollback.RevertOf!.Value - 1].Hash, rollback.Hash);
            Assert.NotEqual(history[rollback.Version - 2].Hash, rollback.Hash);
        }

        var report = await IntegrityVerifier.VerifyAsync(Store);
        Assert.True(report.IsIntact, string.Join("\n", report.Problems));
    }

    [Fact]
    public async Task TagMovesRacingEachOtherFormOneUnbrokenHistory()
    {
        var key = Some.Key();
        for (var n = 1; n <= 6; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(mover => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await Store.MoveTagAsync(new TagMove(key, "production", null, 1 + ((mover * 7) + i) % 6, $"mover-{mover}", Some.Instant.AddSeconds(i), null));
            }
        })));

        var moves = await Store.GetTagHistoryAsync(key);
        Assert.Null(moves[0].FromVersion);
        for (var i = 1; i < moves.Count; i++)
        {
            Assert.Equal(moves[i - 1].ToVersion, moves[i].FromVersion);
            Assert.NotEqual(moves[i].FromVersion, moves[i].ToVersion);
        }

        Assert.Equal(moves[^1].ToVersion, await Store.GetTagAsync(key, "production"));
    }

    [Fact]
    public async Task PrunesRacingAppendsAndPinsNeverDropPinnedOrHeadContent()
    {
        var charter = Some.Key();
        var decision = Some.Key("decision");
        var stamp = new ContentRemoval(ContentRemovalKind.Pruned, "ops", Some.Instant, null);
        using var done = new CancellationTokenSource();
        await Store.AppendAsync(Some.Append(charter, Some.Document(0)));

        // Each even version is pinned while it is still the head, so at every moment something protects it.
        var writer = Task.Run(async () =>
        {
            for (var n = 2; n <= 41; n++)
            {
                var head = (await Store.AppendAsync(Some.Append(charter, Some.Document(n)))).Head;
                if (n % 2 == 0)
                {
                    await Store.AppendAsync(Some.Append(decision, Some.Document(1000 + n)) with { References = [new PinnedRef(charter, head.Version, head.Hash)] });
                }
            }
        });
        var pruner = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                await Store.PruneAsync(charter, new RetentionPolicy(1), stamp);
            }
        });
        await writer;
        await done.CancelAsync();
        await pruner;
        await Store.PruneAsync(charter, new RetentionPolicy(1), stamp);

        var history = await Store.GetHistoryAsync(charter, 0, int.MaxValue).ToArrayAsync();
        Assert.All(history.Where(s => s.Version % 2 == 0), s => Assert.True(s.HasContent, $"{s.Ref} is pinned but lost its content"));
        Assert.All(history.Where(s => s.Version % 2 == 1 && s.Version < 41), s => Assert.False(s.HasContent, $"{s.Ref} should have been pruned"));
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }
}
