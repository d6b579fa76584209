using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

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

#pragma warning restore CA1812
