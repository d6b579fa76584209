using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class MergeRequest
{
    public required int Base { get; init; }
    public required int Ours { get; init; }

    /// <summary>Their edit as a version number (or give content).</summary>
    public int? Theirs { get; init; }

    /// <summary>Their edit as a record (or give theirs).</summary>
    public JsonObject? Content { get; init; }
    public bool? Save { get; init; }
    public string? Message { get; init; }
    public int? ExpectedVersion { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class DecisionInput
{
    public required string Task { get; init; }
    public required string Executor { get; init; }
    public required string Reviewer { get; init; }

    /// <summary>approved, rejected, auto_approved, auto_rejected or escalated.</summary>
    public required string Decision { get; init; }
    public required DateTimeOffset ExecutedAt { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<string>? Criteria { get; init; }
    public string? ExecutorRef { get; init; }
    public string? ReviewerRef { get; init; }

    /// <summary>How the executor's charter was resolved (a label, a subject, the rollout version); recorded as metadata.resolution.</summary>
    public DecisionResolutionInput? Resolution { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class DecisionResolutionInput
{
    public required string Label { get; init; }
    public string? Subject { get; init; }

    [System.ComponentModel.DataAnnotations.Range(1, int.MaxValue)]
    public int? RolloutVersion { get; init; }
}

internal sealed class DecisionResult
{
    public required string Ref { get; init; }
    public required string Hash { get; init; }

    /// <summary>Each as "agent/alice@3 sha256:…".</summary>
    public required IReadOnlyList<string> PinnedCharters { get; init; }
}

internal sealed class IntegrityProblem
{
    public required string Ref { get; init; }
    public required string Reason { get; init; }
}

internal sealed class IntegrityReport
{
    public required bool Intact { get; init; }
    public required long Entities { get; init; }
    public required long Versions { get; init; }
    /// <summary>What the database itself reports (a damaged page, say), apart from the versions it names.</summary>
    public required IReadOnlyList<string> StorageProblems { get; init; }
    public required IReadOnlyList<IntegrityProblem> Problems { get; init; }
}

internal sealed class PruneRequest
{
    /// <summary>kind/id; every entity when left out.</summary>
    public string? Entity { get; init; }
    /// <summary>The most days <see cref="KeepDays"/> takes: a hundred years.</summary>
    public const int MaxKeepDays = Retention.RetentionPolicy.MaxKeepDays;

    [Range(1, int.MaxValue)]
    public required int Keep { get; init; }

    [Range(0, MaxKeepDays)]
    public int? KeepDays { get; init; }
    public string? Reason { get; init; }
    public bool? DryRun { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class PrunedEntity
{
    public required string Entity { get; init; }
    public required IReadOnlyList<int> Versions { get; init; }
}

internal sealed class PruneResult
{
    public required bool DryRun { get; init; }
    public required int Versions { get; init; }
    public required IReadOnlyList<PrunedEntity> Entities { get; init; }
}

internal sealed class EraseRequest
{
    /// <summary>A selector of the version whose content to erase, e.g. "3".</summary>
    public required string Ref { get; init; }
    public required string Reason { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class ErasureResult
{
    public required string Entity { get; init; }
    public required IReadOnlyList<int> Versions { get; init; }
    public required string? Tombstone { get; init; }
}

#pragma warning restore CA1812
