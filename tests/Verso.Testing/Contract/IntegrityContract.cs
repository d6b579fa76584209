using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

/// <summary>
/// Damage done behind the store's back — a flipped byte, an edited field, a deleted row — is found by
/// <see cref="IntegrityVerifier"/> and named by version. Each backend says how to do the damage.
/// </summary>
public abstract class IntegrityContract : IAsyncLifetime
{
    private IVersionStore? _store;

    protected IVersionStore Store => _store ?? throw new InvalidOperationException("store not created");

    protected abstract Task<IVersionStore> CreateStoreAsync();

    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    /// <summary>Changes one byte of the blob stored under <paramref name="hash"/>.</summary>
    protected abstract Task FlipByteInBlobAsync(ContentHash hash);

    /// <summary>Rewrites the saved_by of one version row.</summary>
    protected abstract Task SetSavedByAsync(EntityKey key, int version, string savedBy);

    /// <summary>Deletes one version row.</summary>
    protected abstract Task DeleteVersionAsync(EntityKey key, int version);

    /// <summary>Points an existing tag at another version by SQL, leaving its history as it was.</summary>
    protected abstract Task MoveTagBehindTheStoreAsync(EntityKey key, string name, int version);

    /// <summary>Sets a version's message column (null for SQL NULL).</summary>
    protected abstract Task SetMessageAsync(EntityKey key, int version, string? message);

    /// <summary>Deletes the versions from <paramref name="version"/> on and points the head back at the one before.</summary>
    protected abstract Task CutTailAsync(EntityKey key, int version);

    /// <summary>Overwrites a version's stored chain hash.</summary>
    protected abstract Task SetChainHashAsync(EntityKey key, int version, ContentHash chain);

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    [Fact]
    public async Task AnUntouchedStoreVerifiesIntact()
    {
        await SaveVersionsAsync(Some.Key(), 4);
        await SaveVersionsAsync(Some.Key("role"), 2);

        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal((2, 6), (report.Entities, report.Versions));
    }

    [Fact]
    public async Task VerifyNamesExactlyTheDamagedVersions()
    {
        var key = Some.Key();
        var other = Some.Key();
        var saved = await SaveVersionsAsync(key, 6);
        await SaveVersionsAsync(other, 3);

        await FlipByteInBlobAsync(saved[1].Hash);
        await SetSavedByAsync(key, 3, "mallory");
        await DeleteVersionAsync(key, 5);
        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Equal(
            [$"{key}@2", $"{key}@3", $"{key}@5"],
            report.Problems.Select(p => p.Ref.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 2 && p.Reason.Contains("does not hash", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 3 && p.Reason.Contains("chain hash", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 5 && p.Reason.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeletedHeadIsFoundFromTheEntityRow()
    {
        var key = Some.Key();
        await SaveVersionsAsync(key, 3);

        await DeleteVersionAsync(key, 3);
        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Equal($"{key}@3", Assert.Single(report.Problems).Ref.ToString());
    }

    [Fact]
    public async Task ATagMovedBehindTheStoresBackIsNamed()
    {
        var key = Some.Key();
        await SaveVersionsAsync(key, 3);
        await Store.MoveTagAsync(new TagMove(key, "production", null, 3, "ops", Some.Instant, null));

        var before = await IntegrityVerifier.VerifyAsync(Store);
        await MoveTagBehindTheStoreAsync(key, "production", 1);
        var after = await IntegrityVerifier.VerifyAsync(Store);

        Assert.True(before.IsIntact, string.Join("; ", before.Problems));
        var problem = Assert.Single(after.Problems);
        Assert.Equal($"{key}@1", problem.Ref.ToString());
        Assert.Contains("tag 'production' points at version 1, but its last recorded move took it to 3", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageChangedFromNoneToEmptyBreaksTheChain()
    {
        var key = Some.Key();
        await SaveVersionsAsync(key, 2);

        await SetMessageAsync(key, 1, "");
        var report = await IntegrityVerifier.VerifyAsync(Store);

        var problem = Assert.Single(report.Problems);
        Assert.Equal($"{key}@1", problem.Ref.ToString());
        Assert.Contains("chain hash does not match", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointCatchesACutTailThatPlainVerifyCannotSee()
    {
        var key = Some.Key();
        await SaveVersionsAsync(key, 4);
        var checkpoint = await CheckpointAsync();

        await CutTailAsync(key, 4);
        var plain = await IntegrityVerifier.VerifyAsync(Store);
        var since = await IntegrityVerifier.VerifyAsync(Store, new IntegrityOptions { Since = checkpoint });

        // Documented: a history cut cleanly (rows deleted, head pointed back) is a shorter valid history.
        Assert.True(plain.IsIntact, string.Join("; ", plain.Problems));
        var problem = Assert.Single(since.Problems);
        Assert.Equal($"{key}@4", problem.Ref.ToString());
        Assert.Contains("the history was cut back to version 3", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointCatchesAVersionRewrittenWithEveryLaterLinkRecomputed()
    {
        var key = Some.Key();
        var saved = await SaveVersionsAsync(key, 4);
        var checkpoint = await CheckpointAsync();

        // The attacker changes who saved version 2 and recomputes the links of 2, 3 and 4: the chain holds.
        await SetSavedByAsync(key, 2, "mallory");
        ContentHash? previous = saved[0].ChainHash;
        for (var version = 2; version <= 4; version++)
        {
            var original = saved[version - 1];
            var forged = new Model.Snapshots.Snapshot(
                original.Key, original.Version, original.Hash, original.Content, version == 2 ? "mallory" : original.SavedBy,
                original.SavedAt, original.Message, original.Operation, original.SchemaVersion);
            var link = ChainHash.Compute(previous, forged);
            await SetChainHashAsync(key, version, link);
            previous = link;
        }

        var plain = await IntegrityVerifier.VerifyAsync(Store);
        var since = await IntegrityVerifier.VerifyAsync(Store, new IntegrityOptions { Since = checkpoint });

        Assert.True(plain.IsIntact, string.Join("; ", plain.Problems));
        var problem = Assert.Single(since.Problems);
        Assert.Equal($"{key}@4", problem.Ref.ToString());
        Assert.Contains("rewritten since the checkpoint", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACheckpointNamesARemovedEntityAndAcceptsHistoryThatOnlyGrew()
    {
        var kept = Some.Key();
        var removed = Some.Key();
        await SaveVersionsAsync(kept, 2);
        await SaveVersionsAsync(removed, 1);
        await Store.MoveTagAsync(new TagMove(kept, "production", null, 2, "ops", Some.Instant, null));
        var checkpoint = await CheckpointAsync();

        await Store.AppendAsync(Some.Append(kept, Some.Json("""{"grown":true}""")));
        await Store.MoveTagAsync(new TagMove(kept, "production", null, 3, "ops", Some.Instant.AddMinutes(1), null));
        var grown = await IntegrityVerifier.VerifyAsync(Store, new IntegrityOptions { Since = Checkpoint.Parse(checkpoint.ToText()) });
        await DeleteVersionAsync(removed, 1);
        var gone = await IntegrityVerifier.VerifyAsync(Store, new IntegrityOptions { Since = checkpoint });

        Assert.True(grown.IsIntact, string.Join("; ", grown.Problems));
        Assert.Contains(gone.Problems, p => p.Ref.Key == removed && p.Reason.Contains("the entity is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyDuringAWriteStormNeverReportsDamage()
    {
        var keys = Enumerable.Range(0, 3).Select(_ => Some.Key()).ToList();
        using var stop = new CancellationTokenSource();
        var writers = keys.Select((key, w) => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var head = (await Store.AppendAsync(Some.Append(key, Some.Json($$"""{"writer":{{w}},"n":{{n++}}}""")))).Head;
                if (n % 5 == 0)
                {
                    await Store.MoveTagAsync(new TagMove(key, "latest", null, head.Version, "ops", Some.Instant.AddSeconds(n), null));
                }
            }

            return n;
        })).ToList();

        var reports = new List<IntegrityReport>();
        try
        {
            // Each verify starts only once the writers have appended more since the last one, so every run overlaps them.
            for (var run = 0; run < 8; run++)
            {
                var before = (await Store.GetStatisticsAsync()).Versions;
                while ((await Store.GetStatisticsAsync()).Versions < before + 3 && !writers.Any(w => w.IsCompleted))
                {
                    await Task.Yield();
                }

                reports.Add(await IntegrityVerifier.VerifyAsync(Store));
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        await Task.WhenAll(writers);
        Assert.All(reports, report => Assert.True(report.IsIntact, string.Join("; ", report.Problems)));
        Assert.True(reports[^1].Versions > reports[0].Versions, "the writers appended between the verifies");
    }

    private async Task<Checkpoint> CheckpointAsync()
    {
        var report = await IntegrityVerifier.VerifyAsync(Store, new IntegrityOptions { CheckpointAt = Some.Instant });
        return report.Checkpoint ?? throw new InvalidOperationException("the store was not intact: " + string.Join("; ", report.Problems));
    }

    private async Task<List<Model.Snapshots.Snapshot>> SaveVersionsAsync(EntityKey key, int count)
    {
        var saved = new List<Model.Snapshots.Snapshot>();
        for (var n = 1; n <= count; n++)
        {
            // Distinct per entity, so damaging one entity's blob cannot touch another's.
            var document = Some.Json($$"""{"entity":"{{key}}","n":{{n}}}""");
            saved.Add((await Store.AppendAsync(Some.Append(key, document))).Head);
        }

        return saved;
    }
}
