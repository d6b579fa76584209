using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Import;

/// <summary>One version to import, as it was saved in its source.</summary>
public sealed record ImportedVersionInfo
{
    /// <summary>The entity's kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The version's number in its source: the next after the entity's head.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The record.</summary>
    [JsonPropertyName("content")]
    public required JsonObject Content { get; init; }

    /// <summary>Who saved the version in its source.</summary>
    [JsonPropertyName("saved_by")]
    public required string SavedBy { get; init; }

    /// <summary>When it was saved in its source: ISO 8601 UTC, ending in Z or +00:00.</summary>
    [JsonPropertyName("saved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Why it was saved, when its source said.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
