using Verso.Errors;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// Retention and erasure: content goes, the versions, hashes and chain stay, and protected versions are untouched.
public abstract partial class VersionStoreContract
{
    private static readonly ContentRemoval Pruning = new(ContentRemovalKind.Pruned, "ops", Some.Instant.AddDays(90), "keep 2");

    [Fact]
    public async Task PruneDropsOldContentButKeepsTheHeadTaggedAndPinnedVersions()
    {
        var key = Some.Key();
        var versions = new List<Snapshot>();
        for (var n = 1; n <= 7; n++)
        {
            versions.Add((await Store.AppendAsync(Some.Append(key, Some.Document(n)))).Head);
        }

        await Store.MoveTagAsync(new TagMove(key, "production", null, 2, "alice", Some.Instant, null));
        var decision = Some.Key("decision");
        await Store.AppendAsync(Some.Append(decision, Some.Document(100)) with { References = [new PinnedRef(key, 4, versions[3].Hash)] });

        var result = await Store.PruneAsync(key, new RetentionPolicy(2), Pruning);

        Assert.Equal([1, 3, 5], result.Versions.ToArray());
        foreach (var kept in new[] { 2, 4, 6, 7 })
        {
            var snapshot = (await Store.GetVersionAsync(key, kept))!;
            Assert.True(snapshot.HasContent, $"@{kept} lost its content");
            Assert.Equal(versions[kept - 1].Content.ToArray(), snapshot.Content.ToArray());
        }

        var pruned = (await Store.GetVersionAsync(key, 3))!;
        Assert.Equal(Pruning, pruned.Removal);
        Assert.Equal(versions[2].Hash, pruned.Hash);
        Assert.Equal(versions[2].ChainHash, pruned.ChainHash);
        var error = Assert.Throws<ContentRemovedException>(() => pruned.Content);
        Assert.Contains($"{key}@3 was pruned by ops", error.Message, StringComparison.Ordinal);
        Assert.Contains("keep 2", error.Message, StringComparison.Ordinal);
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }

    [Fact]
    public async Task ADryRunListsWhatWouldBePrunedAndRemovesNothing()
    {
        var key = Some.Key();
        for (var n = 1; n <= 4; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var result = await Store.PruneAsync(key, new RetentionPolicy(1), Pruning, dryRun: true);

        Assert.Equal([1, 2, 3], result.Versions.ToArray());
        await foreach (var snapshot in Store.GetHistoryAsync(key, 0, 10))
        {
            Assert.True(snapshot.HasContent);
        }
    }

    [Fact]
    public async Task PruningTwiceRemovesNothingMoreAndKeepWithinKeepsRecentVersions()
    {
        var key = Some.Key();
        for (var n = 1; n <= 5; n++)
        {
            await Store.AppendAsync(new AppendRequest(key, Some.Document(n), "tester", Some.Instant.AddDays(n)));
        }

        // Pruning at day 90 with a 87-day window keeps versions saved from day 3 on.
        var policy = new RetentionPolicy(1) { KeepWithin = TimeSpan.FromDays(87) };
        var first = await Store.PruneAsync(key, policy, Pruning);
        Assert.Equal([1, 2], first.Versions.ToArray());
        Assert.Empty((await Store.PruneAsync(key, policy, Pruning)).Versions);
        Assert.Empty((await Store.PruneAsync(key, new RetentionPolicy(5), Pruning)).Versions);
    }

    [Fact]
    public async Task ContentSharedWithAKeptVersionStaysReadableThere()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));  // back to the first content: the head shares its blob
        var other = Some.Key();
        await Store.AppendAsync(Some.Append(other, Some.Document(2)));  // another entity shares version 2's blob

        var pruned = await Store.PruneAsync(key, new RetentionPolicy(1), Pruning);
        Assert.Equal([1, 2], pruned.Versions.ToArray());

        Assert.Equal(Some.Document(1).Utf8.ToArray(), (await Store.GetLatestAsync(key))!.Content.ToArray());
        Assert.Equal(Some.Document(2).Utf8.ToArray(), (await Store.GetLatestAsync(other))!.Content.ToArray());
        Assert.False((await Store.GetVersionAsync(key, 1))!.HasContent);
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }

    [Fact]
    public async Task EraseRemovesOneContentFromEveryVersionHoldingItAndFreesItsBlob()
    {
        var key = Some.Key();
        var secret = Some.Json("""{"name":"alice","phone":"+1 555 0100"}""");
        await Store.AppendAsync(Some.Append(key, secret));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));
        await Store.AppendAsync(Some.Append(key, secret));
        await Store.AppendAsync(Some.Append(key, Some.Document(4)));
        await Store.MoveTagAsync(new TagMove(key, "production", null, 3, "alice", Some.Instant, null));
        var before = await Store.GetStatisticsAsync();
        var stamp = new ContentRemoval(ContentRemovalKind.Erased, "dpo", Some.Instant.AddDays(1), "personal data");

        var result = await Store.EraseAsync(key, secret.Hash, stamp);

        Assert.Equal([1, 3], result.Versions.ToArray());
        var erased = (await Store.GetVersionAsync(key, 3))!;
        Assert.Equal((stamp, secret.Hash), (erased.Removal, erased.Hash));
        Assert.True((await Store.GetVersionAsync(key, 2))!.HasContent);
        Assert.Equal(before.Blobs - 1, (await Store.GetStatisticsAsync()).Blobs);
        Assert.Equal(4, await Store.CountVersionsAsync(key));
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
        await Assert.ThrowsAsync<NotFoundException>(() => Store.EraseAsync(key, secret.Hash, stamp));
    }

    [Fact]
    public async Task RemovalsNeedAnExistingEntityAndTheRightStamp()
    {
        var missing = Some.Key();
        await Assert.ThrowsAsync<NotFoundException>(() => Store.PruneAsync(missing, new RetentionPolicy(1), Pruning));
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.EraseAsync(key, Some.Document(1).Hash, Pruning));
        Assert.True((await Store.GetLatestAsync(key))!.HasContent);
    }

    [Fact]
    public async Task AnImportedVersionKeepsItsSourceAndTheChainCoversIt()
    {
        var key = Some.Key();
        var source = new VersionSource("0123456789abcdef0123456789abcdef01234567", ".squad/agents/alice/charter.md");
        var appended = (await Store.AppendAsync(Some.Append(key, Some.Document(1)) with { Operation = VersionOperation.Import, Source = source })).Head;
        var deleted = source with { Deleted = true };
        await Store.AppendAsync(Some.Append(key, Some.Json("{}")) with { Operation = VersionOperation.Import, Source = deleted });

        Assert.Equal(source, appended.Source);
        Assert.Equal(source, (await Store.GetVersionAsync(key, 1))!.Source);
        Assert.Equal(deleted, (await Store.GetLatestAsync(key))!.Source);
        Assert.NotEqual(ChainHash.Compute(null, appended with { Source = null }), appended.ChainHash);
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }
}
