using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>A request to replace a change request's proposal with a new revision.</summary>
public sealed record ReviseRequest
{
    /// <summary>The new proposal, replacing the old one as the next revision.</summary>
    [JsonPropertyName("record")]
    public required JsonObject Record { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The version the revision was made against; the head when left out.</summary>
    [JsonPropertyName("base_version")]
    [Range(0, int.MaxValue)]
    public int? BaseVersion { get; init; }

    /// <summary>Whom an act-as token acts for.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
