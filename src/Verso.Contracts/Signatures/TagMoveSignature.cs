using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Signatures;

/// <summary>One move of a tag and the key whose signature of it verifies.</summary>
public sealed record TagMoveSignature
{
    /// <summary>The version the tag moved to.</summary>
    [JsonPropertyName("to_version")]
    public required int ToVersion { get; init; }

    /// <summary>When it moved, UTC.</summary>
    [JsonPropertyName("moved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset MovedAt { get; init; }

    /// <summary>The key id whose signature of this move verifies; null when unsigned or not verifying.</summary>
    [JsonPropertyName("signed_by")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? SignedBy { get; init; }
}
