using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>A review of a change request's current revision.</summary>
public sealed record ReviewRequest
{
    /// <summary>approve, reject or comment.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    /// <summary>What the reviewer says.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Whom an act-as token acts for.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
