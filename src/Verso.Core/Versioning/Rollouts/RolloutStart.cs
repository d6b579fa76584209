using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Versioning.Rollouts;

/// <summary>What <see cref="RolloutService.StartAsync"/> starts.</summary>
/// <param name="Entity">The entity.</param>
/// <param name="Label">The label, e.g. <c>production</c>.</param>
/// <param name="Candidate">The candidate version.</param>
/// <param name="Weight">Its first weight, in basis points.</param>
/// <param name="By">Who starts it.</param>
public sealed record RolloutStart(EntityKey Entity, string Label, int Candidate, int Weight, string By)
{
    /// <summary>The control version; null takes the version the label points at.</summary>
    public int? Control { get; init; }

    /// <summary>Planned weights for <c>advance</c>, rising (e.g. 500, 2500, 5000, 10000).</summary>
    public ImmutableArray<int> Steps { get; init; } = [];

    /// <summary>The subject attribute callers bucket by, for the record.</summary>
    public string? BucketBy { get; init; }

    /// <summary>A check that, passing on the candidate, advances the rollout one step.</summary>
    public string? AdvanceOn { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }
}
