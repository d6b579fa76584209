namespace Verso.Agents.Identity;

/// <summary>One skill of an agent. Required: <see cref="Id"/>.</summary>
public sealed record Skill
{
    /// <summary>Required. The skill's id, unique within the agent's skills, e.g. <c>code-review</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Optional. The display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional. How well the agent masters it.</summary>
    public SkillLevel? Level { get; init; }
}
