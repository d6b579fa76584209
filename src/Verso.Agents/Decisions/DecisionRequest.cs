using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Agents.Decisions;

/// <summary>What a reviewer decided about a task, before the log pins the charters behind it.</summary>
/// <param name="TaskId">The task; its decisions are the versions of entity <c>decision/TASK</c>.</param>
/// <param name="Executor">The agent that executed the task.</param>
/// <param name="Reviewer">The agent that reviewed it; never the executor.</param>
/// <param name="Decision">The outcome.</param>
/// <param name="ExecutedAt">When the task was executed: the charters in force then are the ones pinned.</param>
public sealed record DecisionRequest(string TaskId, string Executor, string Reviewer, DecisionOutcome Decision, DateTimeOffset ExecutedAt)
{
    /// <summary>Why, in the reviewer's words.</summary>
    public string? Reason { get; init; }

    /// <summary>The criteria the reviewer applied.</summary>
    public ImmutableList<string>? Criteria { get; init; }

    /// <summary>An explicit version of the executor's charter to pin instead of the one in force at execution.</summary>
    public VersionRef? ExecutorRef { get; init; }

    /// <summary>An explicit version of the reviewer's charter to pin instead of the one in force at execution.</summary>
    public VersionRef? ReviewerRef { get; init; }

    /// <summary>How the executor's charter was resolved (a label, a subject, a rollout version): what the decision pins and records.</summary>
    public DecisionResolution? Resolution { get; init; }
}
