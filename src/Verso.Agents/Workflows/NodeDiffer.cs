using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;

namespace Verso.Agents.Workflows;

// The node half of a workflow diff; see WorkflowDiff for the rules.
internal static class NodeDiffer
{
    private const int MaxConfigPathsShown = 3;

    public static ImmutableArray<NodeChange> Diff(WorkflowGraph left, WorkflowGraph right, double moveThreshold)
    {
        var changes = new List<NodeChange>();
        foreach (var (id, node) in right.Nodes.InOrder)
        {
            if (left.Nodes.Find(id) is { } old)
            {
                Compare(id, old, node, moveThreshold, changes);
            }
            else
            {
                changes.Add(new(NodeChangeKind.Added, id, Label(node), null, node.DeepClone(), $"node {WorkflowGraph.NodeName(id, node)} added"));
            }
        }

        foreach (var (id, old) in left.Nodes.InOrder.Where(n => right.Nodes.Find(n.Id) is null))
        {
            changes.Add(new(NodeChangeKind.Removed, id, Label(old), old.DeepClone(), null, $"node {WorkflowGraph.NodeName(id, old)} removed"));
        }

        // Grouped by kind, in document order within a kind; OrderBy is stable.
        return [.. changes.OrderBy(c => c.Kind)];
    }

    private static void Compare(string id, JsonObject old, JsonObject node, double moveThreshold, List<NodeChange> changes)
    {
        var name = WorkflowGraph.NodeName(id, node);
        if (Moved(old, node, moveThreshold))
        {
            changes.Add(new(NodeChangeKind.Moved, id, Label(node), Position(old), Position(node),
                $"node {name} moved from {ShowPosition(old)} to {ShowPosition(node)}"));
        }

        var (oldLabel, newLabel) = (WorkflowJson.Member(old, "label"), WorkflowJson.Member(node, "label"));
        if (!WorkflowJson.Same(oldLabel, newLabel))
        {
            // Named as it was known before the change, so the reader can find it in the old version.
            changes.Add(new(NodeChangeKind.LabelChanged, id, Label(old), oldLabel?.DeepClone(), newLabel?.DeepClone(),
                $"node {WorkflowGraph.NodeName(id, old)} label changed to {WorkflowJson.Show(newLabel)}"));
        }

        var (oldType, newType) = (WorkflowJson.Member(old, "type"), WorkflowJson.Member(node, "type"));
        if (!WorkflowJson.Same(oldType, newType))
        {
            changes.Add(new(NodeChangeKind.TypeChanged, id, Label(node), oldType?.DeepClone(), newType?.DeepClone(),
                $"node {name} type changed from {WorkflowJson.Show(oldType)} to {WorkflowJson.Show(newType)}"));
        }

        var (oldConfig, newConfig) = (WorkflowJson.Member(old, "config"), WorkflowJson.Member(node, "config"));
        var configChanges = JsonDiff.Compute(oldConfig, newConfig);
        if (!configChanges.IsEmpty)
        {
            changes.Add(new(NodeChangeKind.ConfigChanged, id, Label(node), oldConfig?.DeepClone(), newConfig?.DeepClone(),
                $"node {name} config changed{Where(configChanges)}"));
        }
    }

    private static string? Label(JsonObject node) => WorkflowJson.StringOf(node, "label");

    private static bool Moved(JsonObject old, JsonObject node, double moveThreshold)
    {
        if (WorkflowJson.NumberOf(old, "x") is { } x1 && WorkflowJson.NumberOf(old, "y") is { } y1
            && WorkflowJson.NumberOf(node, "x") is { } x2 && WorkflowJson.NumberOf(node, "y") is { } y2)
        {
            var (dx, dy) = (x2 - x1, y2 - y1);
            return Math.Sqrt((dx * dx) + (dy * dy)) > moveThreshold;
        }

        // Without a full position on both sides there is no distance; any difference counts as a move.
        return !WorkflowJson.Same(WorkflowJson.Member(old, "x"), WorkflowJson.Member(node, "x"))
            || !WorkflowJson.Same(WorkflowJson.Member(old, "y"), WorkflowJson.Member(node, "y"));
    }

    private static JsonObject Position(JsonObject node) => new()
    {
        ["x"] = WorkflowJson.Member(node, "x")?.DeepClone(),
        ["y"] = WorkflowJson.Member(node, "y")?.DeepClone(),
    };

    private static string ShowPosition(JsonObject node) =>
        $"({WorkflowJson.Number(WorkflowJson.NumberOf(node, "x"))}, {WorkflowJson.Number(WorkflowJson.NumberOf(node, "y"))})";

    // " at /timeout, /reviewers/1", or nothing when the config was replaced as a whole.
    private static string Where(ImmutableArray<JsonChange> changes)
    {
        var paths = changes.Select(c => c.Path).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (paths.Count == 0)
        {
            return "";
        }

        var shown = string.Join(", ", paths.Take(MaxConfigPathsShown));
        return paths.Count > MaxConfigPathsShown ? $" at {shown} and {paths.Count - MaxConfigPathsShown} more" : $" at {shown}";
    }
}
