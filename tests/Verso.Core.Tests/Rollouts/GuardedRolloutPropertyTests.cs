using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Core.Tests.Rollouts;

/// <summary>
/// Arbitrary runs of a guarded rollout (advances, reweighs, passing and failing checks, aborts): no subject ever
/// leaves the candidate while the rollout is active, and once a check fails or someone aborts, every subject is
/// served the control and nothing changes the rollout again.
/// </summary>
public sealed class GuardedRolloutPropertyTests
{
    private static readonly string[] Subjects = [.. Enumerable.Range(0, 300).Select(n => string.Create(CultureInfo.InvariantCulture, $"s{n}"))];

    // 0 advance, 1 set a weight, 2 a passing advance_on check, 3 a failing check, 4 abort.
    private static readonly Gen<(int Action, int Weight)> Step =
        Gen.Frequency((4, Gen.Constant(0)), (3, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)), (1, Gen.Constant(4))).Zip(Gen.Choose(0, 10_000));

    [Fact]
    public async Task ARunStaysStickyWhileActiveAndEndsOnTheControlAfterAFailureOrAbort()
    {
        // Runs of up to 30 steps, drawn from the generator (the store calls are asynchronous, so no shrinking).
        foreach (var steps in Step.ListOf().Sample(30, 60))
        {
            Assert.True(await RunAsync(steps));
        }
    }

    private static async Task<bool> RunAsync(IEnumerable<(int Action, int Weight)> steps)
    {
        var versions = new VersioningService(new InMemoryVersionStore(), new KindRegistry());
        var rollouts = new RolloutService(versions);
        var checks = new CheckService(versions);
        var key = EntityKey.Create("charter", "c");
        await versions.SaveAsync(key, Encoding.UTF8.GetBytes("""{"text":"one"}"""), new SaveOptions("ops"));
        await versions.SaveAsync(key, Encoding.UTF8.GetBytes("""{"text":"two"}"""), new SaveOptions("ops"));
        await versions.TagAsync(VersionRef.ForVersion(key, 1), "production", "ops");
        await rollouts.StartAsync(new RolloutStart(key, "production", 2, 500, "ops") { Steps = [500, 2_500, 5_000, 10_000], AdvanceOn = "canary" });
        var candidate = VersionRef.ForVersion(key, 2);
        var served = await ServedAsync(rollouts, key);
        var ended = false;
        foreach (var (action, weight) in steps)
        {
            try
            {
                if (action == 0)
                {
                    await rollouts.AdvanceAsync(key, "production", "ops");
                }
                else if (action == 1)
                {
                    await rollouts.SetWeightAsync(key, "production", weight, null, "ops");
                }
                else if (action is 2 or 3)
                {
                    await checks.RecordAsync(candidate, action == 2 ? "canary" : "evals", passed: action == 2, "ci");
                }
                else
                {
                    await rollouts.AbortAsync(key, "production", "ops", "stop");
                }

                ended |= action is 3 or 4;
            }
            catch (VersoException e) when (e is NotFoundException or InvalidRolloutException)
            {
                // No active rollout any more, or the last step was reached: nothing changed.
                ended |= e is NotFoundException;
            }

            var now = await ServedAsync(rollouts, key);
            var rollout = (await rollouts.GetAsync(key, "production"))!;
            if (ended)
            {
                Assert.NotEqual(RolloutState.Active, rollout.State);
                Assert.All(now, v => Assert.Equal(1, v));
            }
            else if (action != 1)
            {
                // An advance or a passing check never takes a subject off the candidate.
                Assert.All(Enumerable.Range(0, Subjects.Length), n => Assert.True(served[n] == 1 || now[n] == 2, $"{Subjects[n]} left the candidate"));
            }

            served = now;
        }

        return true;
    }

    private static async Task<int[]> ServedAsync(RolloutService rollouts, EntityKey key)
    {
        var rollout = (await rollouts.GetAsync(key, "production"))!;
        if (rollout.State != RolloutState.Active)
        {
            // An ended rollout serves everyone what the plain tag names, whoever asks.
            var version = (await rollouts.ResolveAsync(key, "production", Subjects[0])).Version.Version;
            return [.. Subjects.Select(_ => version)];
        }

        var resolved = Subjects.Select(s => rollout.VersionFor(RolloutBuckets.Of(rollout.Salt, s))).ToArray();
        return resolved;
    }
}
