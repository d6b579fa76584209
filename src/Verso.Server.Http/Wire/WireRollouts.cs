using Verso.Contracts.Rollouts;
using Verso.Versioning.Rollouts;

namespace Verso.Server.Wire;

/// <summary>Rollouts and resolutions as the wire shows them: Core's results mapped to <see cref="Verso.Contracts.Rollouts"/>.</summary>
public static class WireRollouts
{
    /// <summary>One version of a rollout.</summary>
    public static RolloutInfo Of(Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        return new RolloutInfo
        {
            Entity = rollout.Entity.ToString(),
            Label = rollout.Label,
            State = rollout.State.ToString().ToLowerInvariant(),
            Version = rollout.Version,
            Control = rollout.Control,
            ControlWeight = RolloutBuckets.Count - rollout.Candidates.Sum(c => c.Weight),
            Candidates = [.. rollout.Candidates.Select(candidate => new RolloutCandidateInfo
            {
                Version = candidate.Version,
                Weight = candidate.Weight,
                Ranges = [.. candidate.Ranges.Select(range => (IReadOnlyList<int>)[range.Start, range.End])],
            })],
            Salt = rollout.Salt,
            BucketBy = rollout.BucketBy,
            Steps = rollout.Steps,
            AdvanceOn = rollout.AdvanceOn,
            Reason = rollout.Reason,
            ChangedBy = rollout.ChangedBy,
            ChangedAt = rollout.ChangedAt,
        };
    }

    /// <summary>Rollouts as one list, in the order given.</summary>
    public static RolloutHistory Of(IEnumerable<Rollout> rollouts)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        return new RolloutHistory { Items = [.. rollouts.Select(Of)] };
    }

    /// <summary>What a label serves a subject, with what to pin.</summary>
    public static Resolution Of(RolloutResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var version = resolution.Version;
        return new Resolution
        {
            Ref = version.Ref.ToString(),
            Kind = version.Key.Kind,
            Id = version.Key.Id,
            Version = version.Version,
            Hash = version.Hash.ToString(),
            Variant = resolution.Variant,
            Label = resolution.Label,
            Subject = resolution.Subject,
            Bucket = resolution.Bucket,
            RolloutVersion = resolution.RolloutVersion,
        };
    }
}
