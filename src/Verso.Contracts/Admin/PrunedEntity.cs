using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>The versions of one entity whose content a prune dropped (or would drop).</summary>
public sealed record PrunedEntity
{
    /// <summary>The entity, as kind/id.</summary>
    [JsonPropertyName("entity")]
    public required string Entity { get; init; }

    /// <summary>The version numbers.</summary>
    [JsonPropertyName("versions")]
    public required IReadOnlyList<int> Versions { get; init; }
}
