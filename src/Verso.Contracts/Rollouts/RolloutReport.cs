using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>A rollout and the decisions made under each of its variants.</summary>
public sealed record RolloutReport
{
    /// <summary>The newest version of the rollout.</summary>
    [JsonPropertyName("rollout")]
    public required RolloutInfo Rollout { get; init; }

    /// <summary>The control first, then each candidate.</summary>
    [JsonPropertyName("variants")]
    public required IReadOnlyList<VariantOutcomes> Variants { get; init; }
}
