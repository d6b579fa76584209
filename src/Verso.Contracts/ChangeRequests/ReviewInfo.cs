using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.ChangeRequests;

/// <summary>One review of a change request's revision.</summary>
public sealed record ReviewInfo
{
    /// <summary>Who reviewed.</summary>
    [JsonPropertyName("by")]
    public required ActorInfo By { get; init; }

    /// <summary>approve, reject or comment.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    /// <summary>What the reviewer said.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>When, UTC.</summary>
    [JsonPropertyName("at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset At { get; init; }

    /// <summary>The revision of the proposal it reviewed.</summary>
    [JsonPropertyName("revision")]
    public required int Revision { get; init; }
}
