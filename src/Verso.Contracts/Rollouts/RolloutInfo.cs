using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Rollouts;

/// <summary>One version of a label's rollout: its state, the control and candidates with their weights, and who changed it.</summary>
public sealed record RolloutInfo
{
    /// <summary>kind/id of the entity whose label it is.</summary>
    [JsonPropertyName("entity")]
    public required string Entity { get; init; }

    /// <summary>The label.</summary>
    [JsonPropertyName("label")]
    public required string Label { get; init; }

    /// <summary>active, promoted or aborted.</summary>
    [JsonPropertyName("state")]
    public required string State { get; init; }

    /// <summary>The version of the rollout record (the label's history as a rollout).</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The control version.</summary>
    [JsonPropertyName("control")]
    public required int Control { get; init; }

    /// <summary>Basis points the control serves.</summary>
    [JsonPropertyName("control_weight")]
    public required int ControlWeight { get; init; }

    /// <summary>The candidates.</summary>
    [JsonPropertyName("candidates")]
    public required IReadOnlyList<RolloutCandidateInfo> Candidates { get; init; }

    /// <summary>The salt subjects are bucketed with.</summary>
    [JsonPropertyName("salt")]
    public required string Salt { get; init; }

    /// <summary>The subject attribute callers bucket by, for the record.</summary>
    [JsonPropertyName("bucket_by")]
    public string? BucketBy { get; init; }

    /// <summary>Planned weights for advance, rising.</summary>
    [JsonPropertyName("steps")]
    public required IReadOnlyList<int> Steps { get; init; }

    /// <summary>A check that, passing on the candidate, advances one step.</summary>
    [JsonPropertyName("advance_on")]
    public string? AdvanceOn { get; init; }

    /// <summary>Why it last changed.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Who changed it.</summary>
    [JsonPropertyName("changed_by")]
    public string? ChangedBy { get; init; }

    /// <summary>When it changed, UTC.</summary>
    [JsonPropertyName("changed_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? ChangedAt { get; init; }
}
