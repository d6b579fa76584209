using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>The decisions made under one variant of a rollout, counted by outcome.</summary>
public sealed record VariantOutcomes
{
    /// <summary>The variant's version.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>control, candidate, or past (a candidate no longer served).</summary>
    [JsonPropertyName("variant")]
    public required string Variant { get; init; }

    /// <summary>Basis points it serves now.</summary>
    [JsonPropertyName("weight")]
    public required int Weight { get; init; }

    /// <summary>Decisions made under the rollout with this version pinned.</summary>
    [JsonPropertyName("decisions")]
    public required int Decisions { get; init; }

    /// <summary>Their counts by outcome (approved, rejected, auto_approved, auto_rejected, escalated), ordered by name.</summary>
    [JsonPropertyName("outcomes")]
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>The decisions, as refs, oldest first.</summary>
    [JsonPropertyName("refs")]
    public required IReadOnlyList<string> Refs { get; init; }
}
