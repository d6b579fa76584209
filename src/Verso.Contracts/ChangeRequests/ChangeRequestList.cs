using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>Change requests, optionally of one status or target.</summary>
public sealed record ChangeRequestList
{
    /// <summary>The requests.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<ChangeRequestInfo> Items { get; init; }
}
