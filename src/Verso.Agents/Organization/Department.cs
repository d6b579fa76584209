namespace Verso.Agents.Organization;

/// <summary>A department of the company. Required: <see cref="Id"/>, <see cref="Name"/>.</summary>
public sealed record Department
{
    /// <summary>Required. Unique within the company; agents and roles name their department by it.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. The id of the agent heading it.</summary>
    public string? Head { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }
}
