using System.Text.Json.Serialization;

namespace Verso.Contracts.Decisions;

/// <summary>A recorded decision: its version and the charters it pins.</summary>
public sealed record DecisionResult
{
    /// <summary>The decision's version, as a ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>Its content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Each as "agent/alice@3 sha256:…".</summary>
    [JsonPropertyName("pinned_charters")]
    public required IReadOnlyList<string> PinnedCharters { get; init; }
}
