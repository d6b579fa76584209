using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Store;

/// <summary>Every entity's version in force (at a moment, or now) and the Merkle root that names them all.</summary>
public sealed record ManifestResult
{
    /// <summary>The moment asked for; absent for the heads.</summary>
    [JsonPropertyName("at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? At { get; init; }

    /// <summary>The root hash over the entries.</summary>
    [JsonPropertyName("root")]
    public required string Root { get; init; }

    /// <summary>The entries, by kind and id.</summary>
    [JsonPropertyName("entries")]
    public required IReadOnlyList<ManifestEntry> Entries { get; init; }
}
