using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Versioning.Rollouts;
using Verso.Versioning;

namespace Verso.Testing.Contract.Rollouts;

// The label's policy guards a rollout as it guards a tag move; checks on the candidate abort or advance it;
// two servers racing leave one consistent rollout.
public abstract partial class RolloutContract
{
    [Fact]
    public async Task ACandidateGetsTrafficOnlyWhenTheLabelsRequiredChecksPass()
    {
        var key = await CharterAsync();
        await Checks.RecordAsync(VersionRef.ForVersion(key, 1), "evals", passed: true, "ci");
        await PolicyAsync("tag.production", """{"required_checks":["evals"]}""");

        var refused = await Assert.ThrowsAsync<RefusedException>(() => StartAsync(key));
        Assert.Equal(PolicyRules.RequiredChecks, refused.Rule);
        Assert.Null(await Rollouts.GetAsync(key, "production"));

        await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: true, "ci");
        var started = await StartAsync(key);
        Assert.Equal(RolloutState.Active, started.State);
    }

    [Fact]
    public async Task AFailingCheckOnTheCandidateReturnsTheLabelToTheControlWithATrace()
    {
        var key = await CharterAsync();
        await StartAsync(key, weight: 5_000);

        var recorded = await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: false, "ci", message: "3 of 40 failed");

        var aborted = Assert.Single(recorded.Rollouts);
        Assert.Equal(RolloutState.Aborted, aborted.State);
        Assert.Equal($"check evals failed on {key}@2 (ci): 3 of 40 failed: every subject back to {key}@1", aborted.Reason);
        Assert.Equal(aborted.Version, (await Rollouts.GetAsync(key, "production"))!.Version);
        Assert.All(await ServedAsync(key, Subjects(300)), v => Assert.Equal(1, v));

        // A failing check on the control, or on an ended rollout's candidate, changes nothing.
        Assert.Empty((await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: false, "ci")).Rollouts);
    }

    [Fact]
    public async Task APassingAdvanceOnCheckAdvancesOneStepAndOtherChecksDoNot()
    {
        var key = await CharterAsync();
        await StartAsync(key, advanceOn: "canary-ok");
        var control = VersionRef.ForVersion(key, 1);
        var candidate = VersionRef.ForVersion(key, 2);

        Assert.Empty((await Checks.RecordAsync(candidate, "lint", passed: true, "ci")).Rollouts);
        Assert.Empty((await Checks.RecordAsync(control, "canary-ok", passed: true, "ci")).Rollouts);
        var advanced = Assert.Single((await Checks.RecordAsync(candidate, "canary-ok", passed: true, "ci")).Rollouts);
        Assert.Equal((2_500, $"check canary-ok passed on {candidate}"), (advanced.Candidates[0].Weight, advanced.Reason));

        await Checks.RecordAsync(candidate, "canary-ok", passed: true, "ci");
        await Checks.RecordAsync(candidate, "canary-ok", passed: true, "ci");
        // At the last step a passing check leaves the rollout for a person to promote.
        Assert.Empty((await Checks.RecordAsync(candidate, "canary-ok", passed: true, "ci")).Rollouts);
        Assert.Equal(10_000, (await Rollouts.GetAsync(key, "production"))!.Candidates[0].Weight);
    }

    [Fact]
    public async Task TwoServersAdvancingAndAbortingAtOnceLeaveOneConsistentRollout()
    {
        var key = await CharterAsync();
        var started = await StartAsync(key);
        var second = new RolloutService(new VersioningService(await OpenSecondStoreAsync(), new KindRegistry(), Clock));
        var servers = new[] { Rollouts, second };

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(n => Task.Run(async () =>
        {
            var server = servers[n % 2];
            try
            {
                var after = n % 4 == 3
                    ? await server.AbortAsync(key, "production", $"ops-{n}", $"abort {n}")
                    : await server.AdvanceAsync(key, "production", $"ops-{n}");
                return after.Version;
            }
            catch (VersoException e) when (e is VersionConflictException or NotFoundException or InvalidRolloutException)
            {
                // Lost the race (conflict), the rollout had ended (not found) or reached its last step.
                return 0;
            }
        })));

        var history = (await Rollouts.HistoryAsync(key, "production")).Reverse().ToArray();
        Assert.Equal(Enumerable.Range(1, history.Length), history.Select(r => r.Version));
        // Every version written was reported to exactly one caller: no write was lost or doubled.
        Assert.Equal(history.Skip(1).Select(r => r.Version), outcomes.Where(v => v > 0).Order());
        for (var n = 1; n < history.Length; n++)
        {
            // Each version follows from the one before: one step up the plan, or an abort; nothing after an end.
            var (before, after) = (history[n - 1], history[n]);
            Assert.Equal(RolloutState.Active, before.State);
            var expected = after.State == RolloutState.Aborted ? 0 : started.Steps.First(s => s > before.Candidates[0].Weight);
            Assert.Equal(expected, after.Candidates[0].Weight);
        }

        var final = history[^1];
        var subjects = Subjects(200);
        var expectedServed = subjects.Select(s => final.VersionFor(RolloutBuckets.Of(final.Salt, s)));
        Assert.Equal(expectedServed, await ServedAsync(key, subjects));
        Assert.True(final.State == RolloutState.Active || expectedServed.All(v => v == 1), "an ended rollout still serves a candidate");
    }
}
