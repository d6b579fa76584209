using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Tags;

/// <summary>One move of a tag: where it pointed before (absent on its first placement), where it points now, who moved it and why.</summary>
public sealed record TagMove
{
    /// <summary>The tag's name.</summary>
    [JsonPropertyName("tag")]
    public required string Tag { get; init; }

    /// <summary>The version the tag pointed at before; absent when the tag was placed for the first time.</summary>
    [JsonPropertyName("from_version")]
    public int? FromVersion { get; init; }

    /// <summary>The version the tag points at after the move.</summary>
    [JsonPropertyName("to_version")]
    public required int ToVersion { get; init; }

    /// <summary>Who moved it (a token's name, or <c>saved_by</c> on a server without tokens).</summary>
    [JsonPropertyName("moved_by")]
    public required string MovedBy { get; init; }

    /// <summary>When it moved, UTC.</summary>
    [JsonPropertyName("moved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset MovedAt { get; init; }

    /// <summary>Why it moved, when the mover said.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}
