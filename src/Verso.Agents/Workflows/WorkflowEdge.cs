namespace Verso.Agents.Workflows;

/// <summary>An edge of a workflow. Required: <see cref="Id"/>, <see cref="Source"/>, <see cref="Target"/>.</summary>
public sealed record WorkflowEdge
{
    /// <summary>Required. Unique within the workflow.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The id of the node the edge leaves.</summary>
    public required string Source { get; init; }

    /// <summary>Required. The id of the node the edge enters; never <see cref="Source"/>.</summary>
    public required string Target { get; init; }

    /// <summary>Optional. How the edge is taken; sequential when left out.</summary>
    public EdgeType? Type { get; init; }

    /// <summary>Optional. The caption people see; changing it does not change behaviour.</summary>
    public string? Label { get; init; }
}
