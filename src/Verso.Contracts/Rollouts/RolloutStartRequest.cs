using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>A request to start a rollout of a candidate version on a label.</summary>
public sealed record RolloutStartRequest
{
    /// <summary>The candidate version.</summary>
    [JsonPropertyName("candidate")]
    [Range(1, int.MaxValue)]
    public required int Candidate { get; init; }

    /// <summary>Its first weight in basis points.</summary>
    [JsonPropertyName("weight")]
    [Range(0, 10_000)]
    public required int Weight { get; init; }

    /// <summary>The control version; the label's version when left out.</summary>
    [JsonPropertyName("control")]
    [Range(1, int.MaxValue)]
    public int? Control { get; init; }

    /// <summary>Planned weights for advance, rising, in basis points.</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<int>? Steps { get; init; }

    /// <summary>The subject attribute callers bucket by, for the record.</summary>
    [JsonPropertyName("bucket_by")]
    public string? BucketBy { get; init; }

    /// <summary>A check that, passing on the candidate, advances one step.</summary>
    [JsonPropertyName("advance_on")]
    public string? AdvanceOn { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Who starts it, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
