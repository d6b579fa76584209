using System.ComponentModel.DataAnnotations;

namespace Verso.Server.OpenApi;

// Documentation of the JSON of the rollout and resolve endpoints (RolloutEndpoints), as Verso.Json.RolloutJson writes it.
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class Resolution
{
    /// <summary>The version served, to pin: kind/id@N.</summary>
    public required string Ref { get; init; }
    public required string Kind { get; init; }
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Hash { get; init; }

    /// <summary>control or candidate (through a rollout), tag (a plain tag), head (no label).</summary>
    public required string Variant { get; init; }
    public required string? Label { get; init; }
    public required string? Subject { get; init; }

    /// <summary>First 8 bytes of SHA-256(salt ":" subject), big-endian, mod 10000; null without an active rollout or a subject.</summary>
    public required int? Bucket { get; init; }

    /// <summary>The version of the rollout record that decided; null without an active rollout.</summary>
    public required int? RolloutVersion { get; init; }
}

internal sealed class RolloutCandidateInfo
{
    public required int Version { get; init; }

    /// <summary>Basis points: how many of the 10,000 buckets it serves.</summary>
    public required int Weight { get; init; }

    /// <summary>The half-open bucket ranges [start, end) it serves.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Ranges { get; init; }
}

internal sealed class RolloutInfo
{
    /// <summary>kind/id of the entity whose label it is.</summary>
    public required string Entity { get; init; }
    public required string Label { get; init; }

    /// <summary>active, promoted or aborted.</summary>
    public required string State { get; init; }

    /// <summary>The version of the rollout record (the label's history as a rollout).</summary>
    public required int Version { get; init; }
    public required int Control { get; init; }

    /// <summary>Basis points the control serves.</summary>
    public required int ControlWeight { get; init; }
    public required IReadOnlyList<RolloutCandidateInfo> Candidates { get; init; }
    public required string Salt { get; init; }
    public string? BucketBy { get; init; }
    public required IReadOnlyList<int> Steps { get; init; }
    public string? AdvanceOn { get; init; }
    public string? Reason { get; init; }
    public string? ChangedBy { get; init; }
    public DateTimeOffset? ChangedAt { get; init; }
}

internal sealed class RolloutHistory
{
    /// <summary>Every version of the rollout, newest first.</summary>
    public required IReadOnlyList<RolloutInfo> Items { get; init; }
}

internal sealed class RolloutStartRequest
{
    /// <summary>The candidate version.</summary>
    [Range(1, int.MaxValue)]
    public required int Candidate { get; init; }

    /// <summary>Its first weight in basis points.</summary>
    [Range(0, 10_000)]
    public required int Weight { get; init; }

    /// <summary>The control version; the label's version when left out.</summary>
    [Range(1, int.MaxValue)]
    public int? Control { get; init; }

    /// <summary>Planned weights for advance, rising, in basis points.</summary>
    public IReadOnlyList<int>? Steps { get; init; }
    public string? BucketBy { get; init; }

    /// <summary>A check that, passing on the candidate, advances one step.</summary>
    public string? AdvanceOn { get; init; }
    public string? Reason { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class RolloutWeightRequest
{
    [Range(0, 10_000)]
    public required int Weight { get; init; }

    /// <summary>Which candidate; the first when left out.</summary>
    [Range(1, int.MaxValue)]
    public int? Candidate { get; init; }
    public string? Reason { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class RolloutActionRequest
{
    /// <summary>For promote: which candidate (the first when left out).</summary>
    [Range(1, int.MaxValue)]
    public int? Candidate { get; init; }

    /// <summary>Why; required to abort.</summary>
    public string? Reason { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class VariantOutcomes
{
    /// <summary>The variant's version, and whether it is the control or a candidate now.</summary>
    public required int Version { get; init; }
    public required string Variant { get; init; }
    public required int Weight { get; init; }

    /// <summary>Decisions made under the rollout with this version pinned.</summary>
    public required int Decisions { get; init; }

    /// <summary>Their counts by outcome (approved, rejected, auto_approved, auto_rejected, escalated).</summary>
    public required Dictionary<string, int> Outcomes { get; init; }

    /// <summary>The decisions, as refs.</summary>
    public required IReadOnlyList<string> Refs { get; init; }
}

internal sealed class RolloutReport
{
    public required RolloutInfo Rollout { get; init; }
    public required IReadOnlyList<VariantOutcomes> Variants { get; init; }
}
#pragma warning restore CA1812
