using Verso.Errors;
using Verso.Naming;
using Verso.Versioning.Rollouts;

namespace Verso.Testing.Contract.Rollouts;

// Start, resolve, advance, promote, abort: the life of one rollout and what each subject is served.
public abstract partial class RolloutContract
{
    [Fact]
    public async Task AStartedRolloutServesTheCandidateToItsWeightAndTheControlToEveryoneElse()
    {
        var key = await CharterAsync();
        var rollout = await StartAsync(key, weight: 2_500);
        var subjects = Subjects(1_000);

        var served = await ServedAsync(key, subjects);
        var one = await Rollouts.ResolveAsync(key, "production", "subject-7");
        var anonymous = await Rollouts.ResolveAsync(key, "production", null);

        Assert.Equal((RolloutState.Active, 1, 1, 2_500), (rollout.State, rollout.Version, rollout.Control, rollout.Candidates[0].Weight));
        Assert.Equal(16, rollout.Salt.Length);
        Assert.Equal(subjects.Select(s => rollout.VersionFor(RolloutBuckets.Of(rollout.Salt, s))), served);
        Assert.InRange(served.Count(v => v == 2), 200, 300);
        Assert.Equal((RolloutBuckets.Of(rollout.Salt, "subject-7"), 1, "production"), (one.Bucket, one.RolloutVersion, one.Label));
        Assert.Equal((await Store.GetVersionAsync(key, one.Version.Version))!.Hash, one.Version.Hash);
        Assert.Equal(one.Version.Version == 2 ? "candidate" : "control", one.Variant);
        Assert.Equal((1, "control", (int?)null), (anonymous.Version.Version, anonymous.Variant, anonymous.Bucket));
        // Readers of the plain tag keep seeing the control while the rollout runs.
        Assert.Equal(1, await Store.GetTagAsync(key, "production"));
    }

    [Fact]
    public async Task AdvancingTakesTheNextStepAndNoSubjectOnTheCandidateGoesBack()
    {
        var key = await CharterAsync();
        await StartAsync(key);
        var subjects = Subjects(600);
        var before = await ServedAsync(key, subjects);

        foreach (var step in new[] { 2_500, 5_000, 10_000 })
        {
            var advanced = await Rollouts.AdvanceAsync(key, "production", "ops");
            var after = await ServedAsync(key, subjects);
            Assert.Equal(step, advanced.Candidates[0].Weight);
            Assert.All(subjects.Select((_, n) => (before[n], after[n])), pair => Assert.True(pair.Item1 == 1 || pair.Item2 == 2, "a subject left the candidate"));
            before = after;
        }

        Assert.All(before, v => Assert.Equal(2, v));
        var last = await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.AdvanceAsync(key, "production", "ops"));
        Assert.Contains("last step (10000 bp)", last.Message, StringComparison.Ordinal);
        var history = await Rollouts.HistoryAsync(key, "production");
        Assert.Equal(["advanced to 10000 bp", "advanced to 5000 bp", "advanced to 2500 bp", "started at 500 bp"], history.Select(r => r.Reason));
    }

    [Fact]
    public async Task PromotingMakesTheCandidateThePlainTagAndEndsTheRollout()
    {
        var key = await CharterAsync();
        await StartAsync(key);

        var promoted = await Rollouts.PromoteAsync(key, "production", null, "ops");
        var resolved = await Rollouts.ResolveAsync(key, "production", "anyone");

        Assert.Equal((RolloutState.Promoted, 2), (promoted.State, promoted.Control));
        Assert.Equal(2, await Store.GetTagAsync(key, "production"));
        Assert.Equal((2, "tag", (int?)null), (resolved.Version.Version, resolved.Variant, resolved.RolloutVersion));
        await Assert.ThrowsAsync<NotFoundException>(() => Rollouts.AdvanceAsync(key, "production", "ops"));

        // The label is free for the next rollout, which takes the promoted version as its control.
        await Versions.SaveAsync(key, "{\"text\":\"charter 3\"}"u8.ToArray(), new Versioning.SaveOptions("ops"));
        var next = await Rollouts.StartAsync(new RolloutStart(key, "production", 3, 100, "ops"));
        Assert.Equal((2, 3, RolloutState.Active), (next.Control, next.Version, next.State));
    }

    [Fact]
    public async Task AbortingReturnsEverySubjectToTheControlAtOnceAndRecordsWhy()
    {
        var key = await CharterAsync();
        await StartAsync(key, weight: 5_000);
        await using var feed = await Store.SubscribeAsync(RolloutService.Kind);

        var aborted = await Rollouts.AbortAsync(key, "production", "ann", "error rate doubled");

        Assert.Equal((RolloutState.Aborted, "error rate doubled", "ann"), (aborted.State, aborted.Reason, aborted.ChangedBy));
        Assert.All(await ServedAsync(key, Subjects(300)), v => Assert.Equal(1, v));
        Assert.Equal(1, await Store.GetTagAsync(key, "production"));
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await foreach (var change in feed.ReadAsync(guard.Token))
        {
            // The abort is a version of the rollout record, so every change-feed reader hears of it.
            Assert.Equal(RolloutService.KeyOf(key, "production"), change.Ref.Key);
            Assert.Equal(aborted.Version, change.Ref.Version);
            break;
        }
    }

    [Fact]
    public async Task ARolloutThatCannotBeIsRefusedWithNothingWritten()
    {
        var key = await CharterAsync(versions: 3);
        var start = new RolloutStart(key, "production", 2, 500, "ops");

        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.StartAsync(start with { Candidate = 1 }));
        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.StartAsync(start with { Weight = 10_001 }));
        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.StartAsync(start with { Steps = [500, 500] }));
        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.StartAsync(start with { Label = "staging" }));
        await Assert.ThrowsAsync<NotFoundException>(() => Rollouts.StartAsync(start with { Candidate = 9 }));
        Assert.Null(await Rollouts.GetAsync(key, "production"));

        await Rollouts.StartAsync(start);
        var twice = await Assert.ThrowsAsync<RolloutConflictException>(() => Rollouts.StartAsync(start with { Candidate = 3 }));
        Assert.Contains("has an active rollout (version 1)", twice.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.SetWeightAsync(key, "production", 500, 3, "ops"));
        await Assert.ThrowsAsync<InvalidRolloutException>(() => Rollouts.PromoteAsync(key, "production", 3, "ops"));
        Assert.Equal(1, (await Rollouts.GetAsync(key, "production"))!.Version);
    }

    [Fact]
    public async Task AnEntityWhoseRolloutIdWouldBeTooLongResolvesItsTagButCannotStartOne()
    {
        var key = EntityKey.Create("charter", new string('a', 120));
        await Versions.SaveAsync(key, "{\"text\":\"one\"}"u8.ToArray(), new Versioning.SaveOptions("ops"));
        await Versions.SaveAsync(key, "{\"text\":\"two\"}"u8.ToArray(), new Versioning.SaveOptions("ops"));
        await Versions.TagAsync(VersionRef.ForVersion(key, 1), "production", "ops");

        var resolved = await Rollouts.ResolveAsync(key, "production", "x");
        var refused = await Assert.ThrowsAsync<InvalidRolloutException>(() => StartAsync(key));

        Assert.Equal((1, "tag"), (resolved.Version.Version, resolved.Variant));
        Assert.Contains("longer than 128 characters", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await Rollouts.HistoryAsync(key, "production"));
    }

    [Fact]
    public async Task WithoutALabelResolveIsTheHeadAndAPlainTagIsItsVersion()
    {
        var key = await CharterAsync(versions: 3);

        var head = await Rollouts.ResolveAsync(key, null, "x");
        var tag = await Rollouts.ResolveAsync(key, "production", "x");

        Assert.Equal((3, "head"), (head.Version.Version, head.Variant));
        Assert.Equal((1, "tag", (int?)null), (tag.Version.Version, tag.Variant, tag.Bucket));
        await Assert.ThrowsAsync<NotFoundException>(() => Rollouts.ResolveAsync(key, "canary", "x"));
    }

    [Fact]
    public async Task TheRolloutIsAReservedRecordWhoseVersionsAreSignedEventsOfTheChain()
    {
        var key = await CharterAsync();
        await StartAsync(key);
        await Rollouts.AdvanceAsync(key, "production", "ops");

        var record = await Store.GetLatestAsync(RolloutService.KeyOf(key, "production"));

        Assert.Equal((RolloutService.Kind, $"charter.{key.Id}.production", 2), (record!.Key.Kind, record.Key.Id, record.Version));
        Assert.True(Versioning.Signatures.SignedEvent.IsSigned(record));
        Assert.Equal(Rollout.Read(record).ToJson().ToJsonString(), (await Rollouts.GetAsync(key, "production"))!.ToJson().ToJsonString());
        Assert.True((await Storage.Integrity.IntegrityVerifier.VerifyAsync(Store, Versions.Kinds)).IsIntact);
        await Assert.ThrowsAsync<RefusedException>(() =>
            Versions.SaveAsync(record.Key, "{\"forged\":true}"u8.ToArray(), new Versioning.SaveOptions("mallory")));
    }
}
