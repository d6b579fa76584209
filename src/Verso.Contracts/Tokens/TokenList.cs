using System.Text.Json.Serialization;

namespace Verso.Contracts.Tokens;

/// <summary>Every token of a store, revoked ones included.</summary>
public sealed record TokenList
{
    /// <summary>The tokens, by name.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<TokenInfo> Items { get; init; }
}
