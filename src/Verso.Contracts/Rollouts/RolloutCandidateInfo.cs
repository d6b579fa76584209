using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>One candidate of a rollout: its version, its weight and the buckets it serves.</summary>
public sealed record RolloutCandidateInfo
{
    /// <summary>The candidate version.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>Basis points: how many of the 10,000 buckets it serves.</summary>
    [JsonPropertyName("weight")]
    public required int Weight { get; init; }

    /// <summary>The half-open bucket ranges [start, end) it serves, each as a pair.</summary>
    [JsonPropertyName("ranges")]
    public required IReadOnlyList<IReadOnlyList<int>> Ranges { get; init; }
}
