using System.Collections.Immutable;

namespace Verso.Agents.Workflows;

// The top-level half of a workflow diff: the workflow's own fields, in a fixed order, then any others.
internal static class MetadataDiffer
{
    // The fields a workflow author edits, in the order a summary names them.
    private static readonly string[] KnownFields = ["name", "description", "workflow_type", "version", "inputs", "outputs", "is_subworkflow"];

    // Diffed item by item by the node and edge differs.
    private static readonly HashSet<string> NotMetadata = new(StringComparer.Ordinal) { "nodes", "edges" };

    public static ImmutableArray<MetadataChange> Diff(WorkflowGraph left, WorkflowGraph right)
    {
        // Fields outside the known ones (created_by, created_at, …) are reported too, after them and by
        // name, so that no difference goes unmentioned.
        var others = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in new[] { left.Root, right.Root })
        {
            foreach (var (name, _) in root ?? [])
            {
                if (!NotMetadata.Contains(name) && !KnownFields.Contains(name, StringComparer.Ordinal))
                {
                    others.Add(name);
                }
            }
        }

        var changes = ImmutableArray.CreateBuilder<MetadataChange>();
        foreach (var field in KnownFields.Concat(others))
        {
            var old = left.Root is null ? null : WorkflowJson.Member(left.Root, field);
            var value = right.Root is null ? null : WorkflowJson.Member(right.Root, field);
            if (!WorkflowJson.Same(old, value))
            {
                var description = WorkflowJson.IsShort(old) && WorkflowJson.IsShort(value)
                    ? $"{field} changed from {WorkflowJson.Show(old)} to {WorkflowJson.Show(value)}"
                    : $"{field} changed";
                changes.Add(new(field, old?.DeepClone(), value?.DeepClone(), description));
            }
        }

        return changes.ToImmutable();
    }
}
