using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>A page of an entity's history, newest first.</summary>
public sealed record VersionPage
{
    /// <summary>The entity, <c>kind/id</c>.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The head's version number.</summary>
    [JsonPropertyName("head")]
    public required int Head { get; init; }

    /// <summary>The versions of this page.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<VersionPageItem> Items { get; init; }

    /// <summary>Where the next page starts; null on the last page.</summary>
    [JsonPropertyName("next_cursor")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? NextCursor { get; init; }
}
