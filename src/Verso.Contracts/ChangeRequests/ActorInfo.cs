using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>Who acted on a change request: the token (or, without tokens, the person), and whom an act-as token acted for.</summary>
public sealed record ActorInfo
{
    /// <summary>The token (or, without tokens, the person) that acted.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>Whom an act-as token acted for.</summary>
    [JsonPropertyName("acting_for")]
    public string? ActingFor { get; init; }
}
