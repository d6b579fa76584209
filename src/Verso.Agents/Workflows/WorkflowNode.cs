using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Agents.Workflows;

/// <summary>A node of a workflow. Required: <see cref="Id"/>, <see cref="Type"/>.</summary>
public sealed record WorkflowNode
{
    /// <summary>Required. Unique within the workflow; edges name nodes by it.</summary>
    public required string Id { get; init; }

    /// <summary>Required. What the node does.</summary>
    public required NodeType Type { get; init; }

    /// <summary>Optional. The caption people see; changing it does not change behaviour.</summary>
    public string? Label { get; init; }

    /// <summary>Optional. Horizontal position on the editor's canvas.</summary>
    public double? X { get; init; }

    /// <summary>Optional. Vertical position on the editor's canvas.</summary>
    public double? Y { get; init; }

    /// <summary>Optional. Settings of the node's type (assignee, condition, timeout…); an open object.</summary>
    public ImmutableDictionary<string, JsonElement>? Config { get; init; }
}
