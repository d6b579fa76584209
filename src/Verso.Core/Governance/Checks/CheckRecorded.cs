using System.Collections.Immutable;
using Verso.Storage;

namespace Verso.Governance.Checks;

/// <summary>What recording a check did: the result, and the tags a failure moved back.</summary>
/// <param name="Result">The result as recorded.</param>
/// <param name="Sequence">Its number among the version's check results (the check record's version).</param>
/// <param name="TagRollbacks">Tags moved back because their policy says <c>on_fail: rollback-tag</c>.</param>
/// <param name="TagsLeft">Tags whose policy says roll back but that had no earlier passing version, so they stay.</param>
public sealed record CheckRecorded(CheckResult Result, int Sequence, ImmutableArray<TagMove> TagRollbacks, ImmutableArray<string> TagsLeft)
{
    /// <summary>The rollouts the result changed: aborted by a failure on a candidate, or advanced by a passing advance_on check.</summary>
    public ImmutableArray<Versioning.Rollouts.Rollout> Rollouts { get; init; } = [];
}
