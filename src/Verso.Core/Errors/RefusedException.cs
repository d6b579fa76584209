namespace Verso.Errors;

/// <summary>
/// A review or promotion rule refused an action: a direct save on a protected entity, a self-approval,
/// an apply without enough approvals, a tag move without a passing check. It names the rule, the policy
/// version that set it (when a policy did), and what would satisfy it, so every face can say so.
/// </summary>
public sealed class RefusedException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="rule">The rule that refused, as policies spell it (see <see cref="Governance.Policies.PolicyRules"/>).</param>
    /// <param name="policy">The policy version that set the rule, e.g. <c>policy/kind.agent@2</c>; null for a rule no policy sets.</param>
    /// <param name="target">What the action was on, e.g. <c>agent/alice</c> or <c>cr-17</c>.</param>
    /// <param name="reason">Why it was refused, in one clause.</param>
    /// <param name="remedy">What would satisfy the rule, in one clause.</param>
    public RefusedException(string rule, string? policy, string target, string reason, string remedy)
        : base($"refused by {(policy is null ? "rule" : policy)} ({rule}): {reason}; {remedy}")
    {
        Rule = rule;
        Policy = policy;
        Target = target;
        Reason = reason;
        Remedy = remedy;
    }

    /// <summary>The rule that refused, e.g. <c>approvals</c>, <c>direct_saves</c>, <c>no_self_review</c>.</summary>
    public string Rule { get; }

    /// <summary>The policy version that set the rule, e.g. <c>policy/kind.agent@2</c>; null for a built-in rule.</summary>
    public string? Policy { get; }

    /// <summary>What the action was on.</summary>
    public string Target { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }

    /// <summary>What would satisfy the rule.</summary>
    public string Remedy { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
