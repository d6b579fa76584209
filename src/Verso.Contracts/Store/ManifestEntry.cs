using System.Text.Json.Serialization;

namespace Verso.Contracts.Store;

/// <summary>One entity's version in force in a manifest.</summary>
public sealed record ManifestEntry
{
    /// <summary>The version's ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The version number.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }
}
