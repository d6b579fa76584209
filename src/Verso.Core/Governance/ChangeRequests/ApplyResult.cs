using System.Collections.Immutable;
using Verso.Documents.Merge;
using Verso.Model.Snapshots;

namespace Verso.Governance.ChangeRequests;

/// <summary>What an apply did: saved the proposal (merged with a moved head when needed), or marked the request stale.</summary>
/// <param name="Request">The request's state afterwards: applied, or stale.</param>
/// <param name="Applied">The version the request became; null when the merge conflicted.</param>
/// <param name="Merged">Whether the head had moved since the base, so the three-way merge ran.</param>
/// <param name="Conflicts">Where the merge conflicted; empty when applied.</param>
public sealed record ApplyResult(ChangeRequest Request, Snapshot? Applied, bool Merged, ImmutableArray<MergeConflict> Conflicts)
{
    /// <summary>Whether the request was saved as a version.</summary>
    public bool IsApplied => Applied is not null;
}
