using Verso.Agents.Decisions;
using Verso.Contracts.Decisions;
using Verso.Model.Snapshots;

namespace Verso.Agents.Http.Wire;

/// <summary>A recorded decision as the wire shows it (<see cref="Verso.Contracts.Decisions"/>).</summary>
public static class WireDecisions
{
    /// <summary>The decision's version and the charters it pins, each as <c>ref hash</c>.</summary>
    public static DecisionResult Of(VersionSnapshot<DecisionRecord> head)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new DecisionResult
        {
            Ref = head.Ref.ToString(),
            Hash = head.Hash.ToString(),
            PinnedCharters = [.. head.Record.PinnedCharters.Select(p => $"{p.Ref} {p.Hash}")],
        };
    }
}
