using System.Collections.Immutable;

namespace Verso.Versioning.Rollouts;

/// <summary>A candidate version of a rollout and the buckets it serves (its weight is their count, in basis points).</summary>
public sealed record RolloutCandidate(int Version, ImmutableArray<BucketRange> Ranges)
{
    /// <summary>The candidate's weight in basis points: how many of the 10,000 buckets it serves.</summary>
    public int Weight => Ranges.Sum(r => r.Length);
}
