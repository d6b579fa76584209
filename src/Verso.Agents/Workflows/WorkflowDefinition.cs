using System.Collections.Immutable;

namespace Verso.Agents.Workflows;

/// <summary>
/// A workflow (kind <c>workflow</c>): a graph of nodes joined by edges, with exactly one start and one
/// end node. Required: <see cref="Id"/>, <see cref="Name"/>, <see cref="Nodes"/>, <see cref="Edges"/>.
/// </summary>
public sealed record WorkflowDefinition
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. How the workflow runs.</summary>
    public WorkflowType? WorkflowType { get; init; }

    /// <summary>Optional. The author's semantic version, e.g. <c>1.2.0</c>; Verso numbers versions itself.</summary>
    public string? Version { get; init; }

    /// <summary>Optional. What a run takes; keyed by name.</summary>
    public ImmutableList<WorkflowPort>? Inputs { get; init; }

    /// <summary>Optional. What a run produces; keyed by name.</summary>
    public ImmutableList<WorkflowPort>? Outputs { get; init; }

    /// <summary>Optional. Whether the workflow is meant to run inside another.</summary>
    public bool? IsSubworkflow { get; init; }

    /// <summary>Required. The nodes; ids unique.</summary>
    public required ImmutableList<WorkflowNode> Nodes { get; init; }

    /// <summary>Required. The edges between existing nodes; ids unique, no self-loops.</summary>
    public required ImmutableList<WorkflowEdge> Edges { get; init; }

    /// <summary>Optional. Who created the workflow.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Optional. When it was created, in UTC.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Optional. When an editor last touched it, in UTC; volatile, left out of every version.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Optional. An editor's save counter; volatile, left out of every version.</summary>
    public int? Revision { get; init; }
}
