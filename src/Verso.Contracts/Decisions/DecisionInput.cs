using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Decisions;

/// <summary>A decision to record, pinned to the charters in force when the task ran.</summary>
public sealed record DecisionInput
{
    /// <summary>The task decided on.</summary>
    [JsonPropertyName("task")]
    public required string Task { get; init; }

    /// <summary>The agent that executed the task.</summary>
    [JsonPropertyName("executor")]
    public required string Executor { get; init; }

    /// <summary>The agent that reviewed it (never the executor).</summary>
    [JsonPropertyName("reviewer")]
    public required string Reviewer { get; init; }

    /// <summary>approved, rejected, auto_approved, auto_rejected or escalated.</summary>
    [JsonPropertyName("decision")]
    public required string Decision { get; init; }

    /// <summary>When the task ran, UTC.</summary>
    [JsonPropertyName("executed_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset ExecutedAt { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The criteria applied.</summary>
    [JsonPropertyName("criteria")]
    public IReadOnlyList<string>? Criteria { get; init; }

    /// <summary>Pin this executor charter version instead.</summary>
    [JsonPropertyName("executor_ref")]
    public string? ExecutorRef { get; init; }

    /// <summary>Pin this reviewer charter version instead.</summary>
    [JsonPropertyName("reviewer_ref")]
    public string? ReviewerRef { get; init; }

    /// <summary>How the executor's charter was resolved (a label, a subject, the rollout version); recorded as metadata.resolution.</summary>
    [JsonPropertyName("resolution")]
    public DecisionResolutionInput? Resolution { get; init; }

    /// <summary>Who records it, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
