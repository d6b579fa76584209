using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Decisions;

/// <summary>How a decision's executor charter was resolved: the label, the subject and the rollout version that answered.</summary>
public sealed record DecisionResolutionInput
{
    /// <summary>The label.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>The subject bucketed.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>The rollout version resolve answered with; the bucket and version are recomputed from it.</summary>
    [JsonPropertyName("rollout_version")]
    [Range(1, int.MaxValue)]
    public int? RolloutVersion { get; init; }
}
