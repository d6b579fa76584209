using Verso.Governance.ChangeRequests;
using Verso.Contracts.ChangeRequests;
using Verso.Contracts.Json;
using Verso.Documents.Diff;

namespace Verso.Server.Wire;

/// <summary>Change requests as the wire shows them: Core's results mapped to <see cref="Verso.Contracts.ChangeRequests"/>.</summary>
public static class WireChangeRequests
{
    /// <summary>A change request, the one shape every face reads.</summary>
    public static ChangeRequestInfo Of(ChangeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ChangeRequestInfo
        {
            Id = request.Id,
            Target = request.Target.ToString(),
            BaseVersion = request.BaseVersion,
            BaseHash = request.BaseHash?.ToString(),
            Proposal = new RawJson(request.Proposal.Utf8),
            Author = Of(request.Author),
            Message = request.Message,
            Status = request.Status.ToName(),
            Revision = request.Revision,
            Approvers = request.Approvers,
            Reviews = [.. request.Reviews.Select(review => new ReviewInfo
            {
                By = Of(review.By),
                Verdict = review.Verdict.ToName(),
                Message = review.Message,
                At = review.At,
                Revision = review.Revision,
            })],
            Conflicts = request.Conflicts,
            AppliedVersion = request.AppliedVersion,
            Version = request.Version,
            UpdatedAt = request.UpdatedAt,
        };
    }

    /// <summary>The answer to an apply that wrote a version.</summary>
    public static AppliedChangeRequest Of(ApplyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AppliedChangeRequest
        {
            Request = Of(result.Request),
            Applied = result.IsApplied,
            Merged = result.Merged,
            Ref = result.Applied?.Ref.ToString(),
            Version = result.Applied?.Version,
            Conflicts = [.. result.Conflicts.Select(c => c.Path)],
        };
    }

    /// <summary>A proposal's changed fields, both sides written.</summary>
    public static List<FieldChange> Of(IEnumerable<JsonChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes.Select(change => new FieldChange
        {
            Path = change.Path,
            Change = change.Kind.ToString().ToLowerInvariant(),
            Old = change.Old,
            New = change.New,
        })];
    }

    private static ActorInfo Of(Actor actor) => new() { Name = actor.Name, ActingFor = actor.ActingFor };
}
