using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>A page of the entities of a kind, by id.</summary>
public sealed record EntityPage
{
    /// <summary>The entities of this page.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<EntityItem> Items { get; init; }

    /// <summary>Where the next page starts; null on the last page.</summary>
    [JsonPropertyName("next_cursor")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? NextCursor { get; init; }
}
