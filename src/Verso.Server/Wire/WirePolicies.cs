using Verso.Contracts.Policies;
using Verso.Governance.Policies;

namespace Verso.Server.Wire;

/// <summary>Policies as the wire shows them: Core's <see cref="Policy"/> mapped to <see cref="Verso.Contracts.Policies"/>.</summary>
public static class WirePolicies
{
    /// <summary>One policy in force.</summary>
    public static PolicyInfo Of(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyInfo
        {
            Policy = policy.Version.ToString(),
            Scope = policy.Scope.ToString(),
            Approvals = policy.Approvals,
            Group = policy.Group,
            DirectSaves = policy.DirectSaves,
            RequiredChecks = [.. policy.RequiredChecks],
            RollbackTagOnFail = policy.RollbackTagOnFail,
        };
    }

    /// <summary>The policies in force for an entity, in order.</summary>
    public static PolicyList List(IEnumerable<Policy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        return new PolicyList { Items = [.. policies.Select(Of)] };
    }
}
