using Verso.Governance.Policies;

namespace Verso.Server.Security;

/// <summary>
/// The kinds whose records set the controls on everything else: <c>policy</c> (who must approve, whether
/// direct saves are allowed, which checks a tag needs) and <c>group</c> (whose approvals count). Changing
/// one can relax a control, so every change of them (save, force, rollback, merge, tag, check, and each step
/// of a change request about them) needs an admin token, whatever the policies say and whatever kinds a
/// token is limited to. Tokens themselves (<c>verso-token</c>) are managed by admins only, through their own
/// endpoints. A policy may put policy changes under review as well (<c>policy/kind.policy</c>); an admin's
/// change then goes through a change request like any other, with no self-approval.
/// </summary>
public static class GovernedKinds
{
    /// <summary>Whether changing records of <paramref name="kind"/> needs an admin.</summary>
    public static bool IsGoverned(string? kind) => kind is PolicyKinds.PolicyKind or PolicyKinds.GroupKind;

    /// <summary>The role a change of <paramref name="kind"/> needs when <paramref name="role"/> would do for any other kind.</summary>
    public static ApiRole Required(ApiRole role, string? kind) => role >= ApiRole.Writer && IsGoverned(kind) ? ApiRole.Admin : role;
}
