namespace Verso.Agents.Workflows;

/// <summary>One input or output of a workflow. Required: <see cref="Name"/>.</summary>
public sealed record WorkflowPort
{
    /// <summary>Required. Unique among the workflow's inputs (or outputs).</summary>
    public required string Name { get; init; }

    /// <summary>Optional. The value's type as the platform names it, e.g. <c>string</c> or <c>file</c>.</summary>
    public string? Type { get; init; }

    /// <summary>Optional. Whether a run cannot start (or finish) without it.</summary>
    public bool? Required { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }
}
