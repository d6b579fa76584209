using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>The body of advance, promote and abort.</summary>
public sealed record RolloutActionRequest
{
    /// <summary>For promote: which candidate (the first when left out).</summary>
    [JsonPropertyName("candidate")]
    [Range(1, int.MaxValue)]
    public int? Candidate { get; init; }

    /// <summary>Why; required to abort.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Who acts, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
