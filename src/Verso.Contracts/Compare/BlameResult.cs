using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>A blame of one version: each value and line of prose with the version that last changed it.</summary>
public sealed record BlameResult
{
    /// <summary>The version explained, as a ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>Its content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Each leaf value, in document order.</summary>
    [JsonPropertyName("entries")]
    public required IReadOnlyList<BlameEntry> Entries { get; init; }
}
