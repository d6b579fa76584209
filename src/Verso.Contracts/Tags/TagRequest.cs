using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Tags;

/// <summary>A request to point a tag at a version.</summary>
public sealed record TagRequest
{
    /// <summary>A version number, or a selector such as "production" or "sha256:1a2b3c4d".</summary>
    [JsonPropertyName("version")]
    public required JsonNode Version { get; init; }

    /// <summary>Why the tag moves.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Who moves it, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
