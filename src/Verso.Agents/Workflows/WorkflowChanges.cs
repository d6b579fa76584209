using System.Collections.Immutable;
using System.Globalization;

namespace Verso.Agents.Workflows;

/// <summary>The differences between two versions of a workflow, as people think of them.</summary>
/// <param name="Nodes">Node changes, grouped by kind in <see cref="NodeChangeKind"/> order, in document order within a kind.</param>
/// <param name="Edges">Edge changes, grouped by kind in <see cref="EdgeChangeKind"/> order, in document order within a kind.</param>
/// <param name="Metadata">
/// Changes to the workflow's own fields: name, description, workflow_type, version, inputs, outputs,
/// is_subworkflow in that order, then any other top-level field by name.
/// </param>
public sealed record WorkflowChanges(
    ImmutableArray<NodeChange> Nodes,
    ImmutableArray<EdgeChange> Edges,
    ImmutableArray<MetadataChange> Metadata)
{
    /// <summary>Whether the two workflows are the same as far as this diff sees.</summary>
    public bool IsEmpty => Nodes.IsEmpty && Edges.IsEmpty && Metadata.IsEmpty;

    /// <summary>
    /// One line for the whole diff: node counts, then edge counts, then the changed fields, e.g.
    /// <c>1 node added, 2 edges reconnected; inputs changed</c>, or <c>no changes</c>.
    /// </summary>
    public string Summary
    {
        get
        {
            var counts = Nodes.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => Count(g.Count(), "node", Verb(g.Key)))
                .Concat(Edges.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g => Count(g.Count(), "edge", Verb(g.Key))))
                .ToList();
            var parts = new List<string>(2);
            if (counts.Count > 0)
            {
                parts.Add(string.Join(", ", counts));
            }

            if (!Metadata.IsEmpty)
            {
                parts.Add(string.Join(", ", Metadata.Select(m => m.Field)) + " changed");
            }

            return parts.Count == 0 ? "no changes" : string.Join("; ", parts);
        }
    }

    /// <summary>Every change's description, nodes first, then edges, then metadata.</summary>
    public IEnumerable<string> Descriptions =>
        Nodes.Select(c => c.Description).Concat(Edges.Select(c => c.Description)).Concat(Metadata.Select(c => c.Description));

    /// <inheritdoc />
    public override string ToString() => Summary;

    private static string Count(int count, string noun, string verb) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")} {verb}");

    private static string Verb(NodeChangeKind kind) => kind switch
    {
        NodeChangeKind.Added => "added",
        NodeChangeKind.Removed => "removed",
        NodeChangeKind.Moved => "moved",
        NodeChangeKind.LabelChanged => "relabelled",
        NodeChangeKind.TypeChanged => "retyped",
        _ => "reconfigured",
    };

    private static string Verb(EdgeChangeKind kind) => kind switch
    {
        EdgeChangeKind.Added => "added",
        EdgeChangeKind.Removed => "removed",
        EdgeChangeKind.Reconnected => "reconnected",
        EdgeChangeKind.TypeChanged => "retyped",
        _ => "relabelled",
    };
}
