using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>The optional body of apply and withdraw: a message and whom an act-as token acts for.</summary>
public sealed record ActorRequest
{
    /// <summary>Why.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Whom an act-as token acts for.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
