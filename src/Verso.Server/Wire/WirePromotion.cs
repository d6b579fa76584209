using Verso.Governance.Checks;
using Verso.Contracts.Promotion;
using Verso.Governance.Policies;

namespace Verso.Server.Wire;

/// <summary>Whether a version could carry a guarded tag, as the wire shows it (<see cref="Verso.Contracts.Promotion"/>).</summary>
public static class WirePromotion
{
    /// <summary>
    /// One tag a policy guards, judged by the rule a tag move enforces: the newest result of each required check must be
    /// a pass. The API and the MCP promotion tool both answer with it, so both faces answer alike.
    /// </summary>
    /// <param name="target">The version asked about, as a ref.</param>
    /// <param name="policy">The policy guarding the tag.</param>
    /// <param name="results">Every check result recorded on the version, oldest first.</param>
    public static TagPromotion Of(string target, Policy policy, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(results);
        var unmet = policy.RequiredChecks.Select(name => (Name: name, Latest: results.LastOrDefault(r => r.Name == name)))
            .Where(check => check.Latest is not { Passed: true }).ToList();
        return new TagPromotion
        {
            Tag = policy.Scope.Name,
            Policy = policy.Version.ToString(),
            RequiredChecks = policy.RequiredChecks,
            RollbackTagOnFail = policy.RollbackTagOnFail,
            Promotable = unmet.Count == 0,
            Unmet = [.. unmet.Select(u => new UnmetCheck { Name = u.Name, Result = u.Latest?.Result, By = u.Latest?.By, At = u.Latest?.At })],
            Rule = unmet.Count > 0 ? PolicyRules.RequiredChecks : null,
            Reason = unmet.Count > 0 ? $"{policy.Scope.Name} needs {string.Join(", ", policy.RequiredChecks.Select(c => c + ": pass"))} on {target}" : null,
            Remedy = unmet.Count > 0 ? $"record a passing {string.Join(", ", unmet.Select(u => u.Name))} check on {target}" : null,
        };
    }
}
