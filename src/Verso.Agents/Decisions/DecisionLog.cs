using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Decisions;

/// <summary>
/// Records decisions, each pinned to the charters of its executor and reviewer as they were in force
/// when the task was executed — not the latest, so a charter edited between execution and review is not
/// blamed for the task. Each decision is the next version of <c>decision/TASK</c>.
/// </summary>
public sealed class DecisionLog
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;
    private readonly TimeProvider _time;

    /// <summary>Creates the log over a service whose registry has the agent-organization kinds, and the store it saves to.</summary>
    public DecisionLog(VersioningService service, IVersionStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Pins the charters and appends the decision.</summary>
    /// <exception cref="InvalidRecordException">The reviewer is the executor, or an explicit pin names another agent.</exception>
    /// <exception cref="NotFoundException">A charter did not exist at the execution time, or an explicit pin does not exist.</exception>
    public async Task<SaveResult<DecisionRecord>> RecordAsync(DecisionRequest request, string recordedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Executor == request.Reviewer)
        {
            throw new InvalidRecordException("decision", [new RecordProblem("/reviewer", "the reviewer must not be the executor")]);
        }

        var resolved = request.Resolution is null ? null : await DecisionResolutions.ResolveAsync(_service, _store, request, cancellationToken).ConfigureAwait(false);
        var executor = await PinAsync(request.Executor, resolved?.Version.Ref ?? request.ExecutorRef, request.ExecutedAt, "/executor", cancellationToken).ConfigureAwait(false);
        var reviewer = await PinAsync(request.Reviewer, request.ReviewerRef, request.ExecutedAt, "/reviewer", cancellationToken).ConfigureAwait(false);
        var record = new DecisionRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            TaskId = request.TaskId,
            Executor = request.Executor,
            Reviewer = request.Reviewer,
            Decision = request.Decision,
            Reason = request.Reason,
            Criteria = request.Criteria,
            ExecutedAt = request.ExecutedAt.ToUniversalTime(),
            RecordedAt = _time.GetUtcNow(),
            PinnedCharters = [executor, reviewer],
            Metadata = resolved is null ? null : DecisionResolutions.Metadata(resolved),
        };
        var options = new SaveOptions(recordedBy) { Message = $"{request.Reviewer}: {System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Decision.ToString())} ({executor.Ref}, {reviewer.Ref})" };
        return await _service.Collection(AgentKinds.Decision).SaveAsync(record, options, cancellationToken).ConfigureAwait(false);
    }

    private async Task<PinnedCharter> PinAsync(string agent, VersionRef? explicitRef, DateTimeOffset executedAt, string path, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(AgentKinds.Agent.Name, agent);
        if (explicitRef is not null && explicitRef.Key != key)
        {
            throw new InvalidRecordException("decision", [new RecordProblem(path, $"the pinned charter {explicitRef} is not {key}'s")]);
        }

        var snapshot = await _service.GetAsync(explicitRef ?? VersionRef.AsOf(key, executedAt), cancellationToken).ConfigureAwait(false);
        return PinnedCharter.Of(snapshot);
    }
}
