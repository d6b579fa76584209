using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Agents.Decisions;

/// <summary>
/// One review decision about an executed task (kind <c>decision</c>). The entity is the task
/// (<see cref="TaskId"/>), so each decision recorded for it is a new version and per-task numbering comes
/// from the store. Required: everything except <see cref="Reason"/>, <see cref="Criteria"/> and
/// <see cref="Metadata"/>. The reviewer is never the executor.
/// </summary>
public sealed record DecisionRecord
{
    /// <summary>Required. The decision's own id, e.g. <c>dec-0042</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The task decided about; the entity id.</summary>
    public required string TaskId { get; init; }

    /// <summary>Required. The id of the agent that executed the task.</summary>
    public required string Executor { get; init; }

    /// <summary>Required. The id of the agent that reviewed it; never <see cref="Executor"/>.</summary>
    public required string Reviewer { get; init; }

    /// <summary>Required. What was decided.</summary>
    public required DecisionOutcome Decision { get; init; }

    /// <summary>Optional. Why, in the reviewer's words.</summary>
    public string? Reason { get; init; }

    /// <summary>Optional. The criteria the work was judged by, in order.</summary>
    public ImmutableList<string>? Criteria { get; init; }

    /// <summary>Required. When the task executed, in UTC; the charters in force then are the ones pinned.</summary>
    public required DateTimeOffset ExecutedAt { get; init; }

    /// <summary>Required. When the decision was recorded, in UTC; never before <see cref="ExecutedAt"/>.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Optional. Anything else the platform keeps with the decision; an open object.</summary>
    public ImmutableDictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>Required. The charters of the executor and of the reviewer as they were when the task executed: one each.</summary>
    public required ImmutableList<PinnedCharter> PinnedCharters { get; init; }
}
