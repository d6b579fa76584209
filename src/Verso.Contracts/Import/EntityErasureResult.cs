using System.Text.Json.Serialization;

namespace Verso.Contracts.Import;

/// <summary>What erasing a whole entity did: numbers and hashes stay, the head becomes an empty tombstone.</summary>
public sealed record EntityErasureResult
{
    /// <summary>The entity, as kind/id.</summary>
    [JsonPropertyName("entity")]
    public required string Entity { get; init; }

    /// <summary>How many versions lost their content.</summary>
    [JsonPropertyName("count")]
    public required int Count { get; init; }

    /// <summary>The versions that lost their content.</summary>
    [JsonPropertyName("versions")]
    public required IReadOnlyList<int> Versions { get; init; }

    /// <summary>The tombstone version, as a ref; null when none was saved.</summary>
    [JsonPropertyName("tombstone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Tombstone { get; init; }
}
