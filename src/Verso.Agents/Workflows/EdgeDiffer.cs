using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

// The edge half of a workflow diff; see WorkflowDiff for the rules.
internal static class EdgeDiffer
{
    public static ImmutableArray<EdgeChange> Diff(WorkflowGraph left, WorkflowGraph right)
    {
        var changes = new List<EdgeChange>();
        foreach (var (id, edge) in right.Edges.InOrder)
        {
            if (left.Edges.Find(id) is { } old)
            {
                Compare(id, old, edge, left, right, changes);
            }
            else
            {
                changes.Add(new(EdgeChangeKind.Added, id, null, edge.DeepClone(), $"edge {right.Connection(edge)} ({id}) added"));
            }
        }

        foreach (var (id, old) in left.Edges.InOrder.Where(e => right.Edges.Find(e.Id) is null))
        {
            changes.Add(new(EdgeChangeKind.Removed, id, old.DeepClone(), null, $"edge {left.Connection(old)} ({id}) removed"));
        }

        return [.. changes.OrderBy(c => c.Kind)];
    }

    private static void Compare(string id, JsonObject old, JsonObject edge, WorkflowGraph left, WorkflowGraph right, List<EdgeChange> changes)
    {
        var name = $"{right.Connection(edge)} ({id})";
        if (!WorkflowJson.Same(WorkflowJson.Member(old, "source"), WorkflowJson.Member(edge, "source"))
            || !WorkflowJson.Same(WorkflowJson.Member(old, "target"), WorkflowJson.Member(edge, "target")))
        {
            // Each end is named as its own side knows it: the old connection by the old labels.
            changes.Add(new(EdgeChangeKind.Reconnected, id, old.DeepClone(), edge.DeepClone(),
                $"edge {left.Connection(old)} ({id}) reconnected to {right.Connection(edge)}"));
        }

        var (oldType, newType) = (WorkflowJson.Member(old, "type"), WorkflowJson.Member(edge, "type"));
        if (!WorkflowJson.Same(oldType, newType))
        {
            changes.Add(new(EdgeChangeKind.TypeChanged, id, oldType?.DeepClone(), newType?.DeepClone(),
                $"edge {name} type changed from {WorkflowJson.Show(oldType)} to {WorkflowJson.Show(newType)}"));
        }

        var (oldLabel, newLabel) = (WorkflowJson.Member(old, "label"), WorkflowJson.Member(edge, "label"));
        if (!WorkflowJson.Same(oldLabel, newLabel))
        {
            changes.Add(new(EdgeChangeKind.LabelChanged, id, oldLabel?.DeepClone(), newLabel?.DeepClone(),
                $"edge {name} label changed from {WorkflowJson.Show(oldLabel)} to {WorkflowJson.Show(newLabel)}"));
        }
    }
}
