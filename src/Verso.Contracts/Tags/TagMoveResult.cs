using System.Text.Json.Serialization;

namespace Verso.Contracts.Tags;

/// <summary>The answer to moving a tag: <c>moved</c> with the move, or <c>unchanged</c> when it already pointed there.</summary>
public sealed record TagMoveResult
{
    /// <summary>moved or unchanged.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The tag's name.</summary>
    [JsonPropertyName("tag")]
    public required string Tag { get; init; }

    /// <summary>The version the tag points at, as a ref (<c>kind/id@3</c>).</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The version the tag points at.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The move made; absent when nothing moved.</summary>
    [JsonPropertyName("move")]
    public TagMove? Move { get; init; }
}
