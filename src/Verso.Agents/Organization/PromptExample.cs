namespace Verso.Agents.Organization;

/// <summary>A worked example of a prompt profile; every member is required.</summary>
public sealed record PromptExample
{
    /// <summary>Required. Unique within the profile.</summary>
    public required string Id { get; init; }

    /// <summary>Required. What the user says.</summary>
    public required string Input { get; init; }

    /// <summary>Required. What a good response looks like.</summary>
    public required string Output { get; init; }
}
