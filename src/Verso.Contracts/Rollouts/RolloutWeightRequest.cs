using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>A request to set a candidate's weight.</summary>
public sealed record RolloutWeightRequest
{
    /// <summary>The weight in basis points.</summary>
    [JsonPropertyName("weight")]
    [Range(0, 10_000)]
    public required int Weight { get; init; }

    /// <summary>Which candidate; the first when left out.</summary>
    [JsonPropertyName("candidate")]
    [Range(1, int.MaxValue)]
    public int? Candidate { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Who sets it, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
