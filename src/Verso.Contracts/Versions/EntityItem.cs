using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One entity of a kind with its head: where the head is, who saved it and when, and the entity's tags.</summary>
public sealed record EntityItem
{
    /// <summary>The head's ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The head's version number.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The head's content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Who saved the head; null when the head could not be read.</summary>
    [JsonPropertyName("saved_by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? SavedBy { get; init; }

    /// <summary>When the head was saved, UTC.</summary>
    [JsonPropertyName("saved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Each tag's name and the version it points at, by name.</summary>
    [JsonPropertyName("tags")]
    public required IReadOnlyDictionary<string, int> Tags { get; init; }
}
