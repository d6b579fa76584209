using System.Text.Json.Serialization;

namespace Verso.Contracts.Store;

/// <summary>The kinds the caller may read, by name.</summary>
public sealed record KindList
{
    /// <summary>The kinds.</summary>
    [JsonPropertyName("kinds")]
    public required IReadOnlyList<KindInfo> Kinds { get; init; }
}
