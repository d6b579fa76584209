using System.Text.Json.Serialization;

namespace Verso.Contracts.Store;

/// <summary>One kind as the API lists it: registered or only held, its schema version and its entity count.</summary>
public sealed record KindInfo
{
    /// <summary>The kind's name.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Whether the server registers it (otherwise the store only holds it).</summary>
    [JsonPropertyName("registered")]
    public required bool Registered { get; init; }

    /// <summary>The schema version new records of it are saved under.</summary>
    [JsonPropertyName("schema_version")]
    public required int SchemaVersion { get; init; }

    /// <summary>How many entities of it the store holds.</summary>
    [JsonPropertyName("entities")]
    public required long Entities { get; init; }
}
