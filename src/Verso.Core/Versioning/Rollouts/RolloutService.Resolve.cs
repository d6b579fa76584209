using Verso.Governance.Checks;
using Verso.Naming;

namespace Verso.Versioning.Rollouts;

public sealed partial class RolloutService
{
    /// <summary>
    /// The version <paramref name="label"/> serves <paramref name="subject"/>: through an active rollout, the variant of
    /// the subject's bucket (the control without a subject); else the version the tag names; without a label, the head.
    /// </summary>
    public async Task<RolloutResolution> ResolveAsync(EntityKey entity, string? label, string? subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (label is null)
        {
            return new RolloutResolution(await versions.GetAsync(VersionRef.Latest(entity), cancellationToken).ConfigureAwait(false), null, subject, null, null, "head");
        }

        if (await GetAsync(entity, label, cancellationToken).ConfigureAwait(false) is { State: RolloutState.Active } rollout)
        {
            var bucket = subject is null ? (int?)null : RolloutBuckets.Of(rollout.Salt, subject);
            var served = rollout.VersionFor(bucket);
            var version = await versions.GetAsync(VersionRef.ForVersion(entity, served), cancellationToken).ConfigureAwait(false);
            return new RolloutResolution(version, label, subject, bucket, rollout.Version, served == rollout.Control ? "control" : "candidate");
        }

        return new RolloutResolution(await versions.GetAsync(VersionRef.ForTag(entity, label), cancellationToken).ConfigureAwait(false), label, subject, null, null, "tag");
    }

    /// <summary>
    /// The guard of active rollouts of <paramref name="result"/>'s entity: a failing check on a candidate aborts the
    /// rollout (every subject back to the control, the reason recorded); a passing <c>advance_on</c> check on the first
    /// candidate advances it one step. Called by the check service after each result.
    /// </summary>
    /// <returns>The rollouts it changed.</returns>
    public async Task<IReadOnlyList<Rollout>> OnCheckAsync(CheckResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var key = result.Target.Key;
        var changed = new List<Rollout>();
        var prefix = $"{key.Kind}.{key.Id}.";
        await foreach (var head in versions.Store.ListEntitiesAsync(Kind, cancellationToken).ConfigureAwait(false))
        {
            if (!head.Key.Id.StartsWith(prefix, StringComparison.Ordinal)
                || await versions.Store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false) is not { } snapshot
                || Rollout.Read(snapshot) is not { State: RolloutState.Active } rollout || rollout.Entity != key
                || rollout.Candidates.All(c => c.Version != result.Target.Version))
            {
                continue;
            }

            if (!result.Passed)
            {
                changed.Add(await AbortAsync(key, rollout.Label, result.By,
                    $"check {result.Name} failed on {result.Target.Ref} ({result.By}){(result.Message is null ? "" : ": " + result.Message)}: every subject back to {key}@{rollout.Control}",
                    cancellationToken).ConfigureAwait(false));
            }
            else if (result.Name == rollout.AdvanceOn && rollout.Candidates[0].Version == result.Target.Version
                && rollout.Steps.Any(s => s > rollout.Candidates[0].Weight))
            {
                changed.Add(await AdvanceAsync(key, rollout.Label, result.By, $"check {result.Name} passed on {result.Target.Ref}", cancellationToken).ConfigureAwait(false));
            }
        }

        return changed;
    }
}
