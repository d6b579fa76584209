namespace Verso.Governance.ChangeRequests;

/// <summary>What a review says.</summary>
public enum ReviewVerdict
{
    /// <summary>The reviewer approves the current revision of the proposal.</summary>
    Approve,

    /// <summary>The reviewer rejects it; it cannot be applied until they approve or the author updates it.</summary>
    Reject,

    /// <summary>A remark that neither approves nor rejects.</summary>
    Comment,
}
