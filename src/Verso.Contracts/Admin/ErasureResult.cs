using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>What an erasure did: the versions that lost the content, and the tombstone version saved over it.</summary>
public sealed record ErasureResult
{
    /// <summary>The entity, as kind/id.</summary>
    [JsonPropertyName("entity")]
    public required string Entity { get; init; }

    /// <summary>The versions whose content was erased.</summary>
    [JsonPropertyName("versions")]
    public required IReadOnlyList<int> Versions { get; init; }

    /// <summary>The tombstone version saved when the head was erased, as a ref; null when none was needed.</summary>
    [JsonPropertyName("tombstone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Tombstone { get; init; }
}
