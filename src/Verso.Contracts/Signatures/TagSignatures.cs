using System.Text.Json.Serialization;

namespace Verso.Contracts.Signatures;

/// <summary>For each move of a tag, oldest first, the key that signed it, checked against the key the store names now.</summary>
public sealed record TagSignatures
{
    /// <summary>The key id events must be signed by now; null when the store does not sign events.</summary>
    [JsonPropertyName("signing_key")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? SigningKey { get; init; }

    /// <summary>Each move of the tag, oldest first.</summary>
    [JsonPropertyName("moves")]
    public required IReadOnlyList<TagMoveSignature> Moves { get; init; }
}
