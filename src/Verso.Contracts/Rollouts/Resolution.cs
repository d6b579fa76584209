using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>
/// The version a label serves a subject, with what to pin: the same fields from the API, <c>verso resolve --json</c>,
/// the MCP <c>resolve</c> tool and a decision's recorded resolution. Label, subject, bucket and rollout version are
/// written as null when they do not apply, never left out.
/// </summary>
public sealed record Resolution
{
    /// <summary>The version served, to pin: kind/id@N.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The entity's kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The version served.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>Its content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>control or candidate (through a rollout), tag (a plain tag), head (no label).</summary>
    [JsonPropertyName("variant")]
    public required string Variant { get; init; }

    /// <summary>The label asked about; null for the head.</summary>
    [JsonPropertyName("label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Label { get; init; }

    /// <summary>The subject bucketed; null without one.</summary>
    [JsonPropertyName("subject")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Subject { get; init; }

    /// <summary>First 8 bytes of SHA-256(salt ":" subject), big-endian, mod 10000; null without an active rollout or a subject.</summary>
    [JsonPropertyName("bucket")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? Bucket { get; init; }

    /// <summary>The version of the rollout record that decided; null without an active rollout.</summary>
    [JsonPropertyName("rollout_version")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? RolloutVersion { get; init; }
}
