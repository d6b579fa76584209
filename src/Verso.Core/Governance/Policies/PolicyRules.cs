namespace Verso.Governance.Policies;

/// <summary>The names of the rules a refusal names (<see cref="Errors.RefusedException.Rule"/>), as policies spell their fields.</summary>
public static class PolicyRules
{
    /// <summary>How many approvals by distinct people other than the author a change needs.</summary>
    public const string Approvals = "approvals";

    /// <summary>The group whose members' approvals count.</summary>
    public const string Group = "group";

    /// <summary>Whether an entity may be saved directly, or only through an applied change request.</summary>
    public const string DirectSaves = "direct_saves";

    /// <summary>The checks that must pass on a version before it may carry a tag.</summary>
    public const string RequiredChecks = "required_checks";

    /// <summary>
    /// What happens to a breaking tool change (<see cref="Versioning.Tools.ToolCompatibility"/>): on a kind or entity,
    /// <c>review</c> takes one only through a change request with an approval; on a tag, <c>refuse</c> keeps it
    /// off the tag, <c>major</c> lets it on with a new major version of the record's declared <c>version</c>.
    /// </summary>
    public const string BreakingToolChanges = "breaking_tool_changes";

    /// <summary>The checks that must pass on a version before a tag takes a breaking tool change with it.</summary>
    public const string BreakingToolChecks = "breaking_tool_checks";

    /// <summary>Built in: nobody reviews their own change, not even acting for someone else.</summary>
    public const string NoSelfReview = "no_self_review";

    /// <summary>Built in: only the author updates or withdraws a change request.</summary>
    public const string AuthorOnly = "author_only";

    /// <summary>Built in: what a change request's status allows (no review of an applied request, no apply of a rejected one).</summary>
    public const string Status = "status";

    /// <summary>Built in: change requests and checks are written by propose, review, apply and check only.</summary>
    public const string Reserved = "reserved_kind";
}
