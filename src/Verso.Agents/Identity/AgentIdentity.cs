namespace Verso.Agents.Identity;

/// <summary>
/// An agent of the organization (kind <c>agent</c>): who it is, how it thinks, what model and tools it
/// uses, what it may decide, and its <see cref="Charter"/>. Required: <see cref="Id"/>, <see cref="Name"/>,
/// <see cref="Role"/>; everything else may be left out.
/// </summary>
public sealed record AgentIdentity
{
    /// <summary>Required. The entity id, e.g. <c>alice</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Required. The id of the agent's role (a <c>role</c> record).</summary>
    public required string Role { get; init; }

    /// <summary>Optional. The department the agent works in.</summary>
    public string? Department { get; init; }

    /// <summary>Optional. The agent's rank.</summary>
    public SeniorityLevel? Level { get; init; }

    /// <summary>Optional. Free text about the agent for people; it does not instruct the agent.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. How the agent behaves and communicates.</summary>
    public Personality? Personality { get; init; }

    /// <summary>Optional. What the agent is good at.</summary>
    public SkillSet? Skills { get; init; }

    /// <summary>Optional. The language model the agent runs on.</summary>
    public ModelSettings? Model { get; init; }

    /// <summary>Optional. What the agent remembers.</summary>
    public MemorySettings? Memory { get; init; }

    /// <summary>Optional. Which tools the agent may use.</summary>
    public ToolAccess? Tools { get; init; }

    /// <summary>Optional. Whom the agent reports to and what it may approve or delegate.</summary>
    public Authority? Authority { get; init; }

    /// <summary>Optional. How much the agent may do without approval.</summary>
    public AutonomyLevel? AutonomyLevel { get; init; }

    /// <summary>Optional. Runtime state; volatile, so left out of every version and its hash.</summary>
    public AgentStatus? Status { get; init; }

    /// <summary>Optional. When the agent was hired, in UTC.</summary>
    public DateTimeOffset? HiringDate { get; init; }

    /// <summary>Optional. The Markdown prose that instructs the agent.</summary>
    public string? Charter { get; init; }

    /// <summary>
    /// Optional. The agent's declared semantic version, e.g. <c>2.0.0</c>; a tag policy may ask for a new
    /// major version before a breaking tool change reaches the tag.
    /// </summary>
    public string? Version { get; init; }
}
