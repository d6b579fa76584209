namespace Verso.Governance.ChangeRequests;

/// <summary>One review of one revision of a change request.</summary>
/// <param name="By">Who reviewed, and for whom when acting as someone else.</param>
/// <param name="Verdict">Approve, reject or comment.</param>
/// <param name="Message">What they said.</param>
/// <param name="At">When, in UTC.</param>
/// <param name="Revision">The revision of the proposal reviewed; an update starts a new one, so earlier approvals no longer count.</param>
public sealed record ReviewEntry(Actor By, ReviewVerdict Verdict, string? Message, DateTimeOffset At, int Revision);
