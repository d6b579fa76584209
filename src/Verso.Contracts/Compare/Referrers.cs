using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>The versions that pin a version (a decision that names the charter it ran with, say).</summary>
public sealed record Referrers
{
    /// <summary>The version pinned, as a ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>Its content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Each version that pins it, as <c>kind/id@N</c>.</summary>
    [JsonPropertyName("referred_by")]
    public required IReadOnlyList<string> ReferredBy { get; init; }
}
