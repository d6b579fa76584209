namespace Verso.Governance.ChangeRequests;

/// <summary>Where a change request stands. Stored as its lowercase name.</summary>
public enum ChangeRequestStatus
{
    /// <summary>Proposed (or updated) and waiting for the approvals its policies need.</summary>
    Open,

    /// <summary>The current revision has the approvals its policies need and no rejection.</summary>
    Approved,

    /// <summary>A reviewer rejected the current revision.</summary>
    Rejected,

    /// <summary>Saved as a version of its entity; final.</summary>
    Applied,

    /// <summary>Withdrawn by its author; final.</summary>
    Withdrawn,

    /// <summary>The head moved and the three-way merge conflicted; an update against the new head reopens it.</summary>
    Stale,
}
