using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

/// <summary>
/// Compares two workflow definitions the way their authors think of them: nodes added, removed, moved,
/// relabelled, retyped or reconfigured; edges added, removed, reconnected, retyped or relabelled; and
/// the workflow's own fields — each named by its label, not only its id.
/// </summary>
/// <remarks>
/// <para>
/// Nodes and edges are matched by <c>id</c>, whatever their order in the arrays (reordering them is no
/// change). A node moved when the Euclidean distance between its old and new (x, y) exceeds the move
/// threshold, so nudging a node on the canvas is not a change; when a coordinate is missing or not a
/// number on either side, any difference in x or y counts as a move. Labels, types, configs, sources
/// and targets are compared in canonical form (member order and <c>1.0</c> versus <c>1</c> do not
/// matter); an absent member and a JSON null are alike. Other node and edge members are not compared.
/// </para>
/// <para>
/// The diff is lenient: a value that is not a workflow object reads as an empty workflow, and items
/// without an id are skipped, as is a repeated id after its first item — the workflow validator
/// rejects those before any version is saved.
/// </para>
/// </remarks>
public static class WorkflowDiff
{
    /// <summary>The default move threshold, in canvas units: less than a node's width on the usual editors.</summary>
    public const double DefaultMoveThreshold = 40;

    /// <summary>Computes the changes from <paramref name="left"/> to <paramref name="right"/>.</summary>
    /// <param name="left">The old workflow (null when there was none).</param>
    /// <param name="right">The new workflow (null when there is none).</param>
    /// <param name="moveThreshold">How far a node must move, in canvas units, to count as moved.</param>
    /// <returns>The changes; <see cref="WorkflowChanges.IsEmpty"/> when the workflows are the same.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="moveThreshold"/> is negative or not a number.</exception>
    /// <exception cref="Errors.CanonicalJsonException">A compared value has no canonical form (e.g. a lone surrogate).</exception>
    public static WorkflowChanges Compute(JsonNode? left, JsonNode? right, double moveThreshold = DefaultMoveThreshold)
    {
        if (double.IsNaN(moveThreshold) || moveThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(moveThreshold), moveThreshold, "The move threshold is a distance: zero or more.");
        }

        var (before, after) = (WorkflowGraph.Of(left), WorkflowGraph.Of(right));
        return new WorkflowChanges(
            NodeDiffer.Diff(before, after, moveThreshold),
            EdgeDiffer.Diff(before, after),
            MetadataDiffer.Diff(before, after));
    }
}
