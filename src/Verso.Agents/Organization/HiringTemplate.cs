using Verso.Agents.Identity;

namespace Verso.Agents.Organization;

/// <summary>
/// What a newly hired agent starts from (kind <c>hiring-template</c>). Required: <see cref="Id"/>,
/// <see cref="Name"/>, <see cref="Role"/>.
/// </summary>
public sealed record HiringTemplate
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Required. The id of the role hired for.</summary>
    public required string Role { get; init; }

    /// <summary>Optional. The department hired into.</summary>
    public string? Department { get; init; }

    /// <summary>Optional. The rank hired at.</summary>
    public SeniorityLevel? Level { get; init; }

    /// <summary>Optional. The starting personality.</summary>
    public Personality? Personality { get; init; }

    /// <summary>Optional. The skills looked for.</summary>
    public SkillSet? Skills { get; init; }

    /// <summary>Optional. The starting model.</summary>
    public ModelSettings? Model { get; init; }

    /// <summary>Optional. The starting memory.</summary>
    public MemorySettings? Memory { get; init; }

    /// <summary>Optional. The starting tool access.</summary>
    public ToolAccess? Tools { get; init; }

    /// <summary>Optional. The starting authority.</summary>
    public Authority? Authority { get; init; }

    /// <summary>Optional. The starting autonomy.</summary>
    public AutonomyLevel? AutonomyLevel { get; init; }

    /// <summary>Optional. The Markdown charter a hire starts from, with <c>{{placeholders}}</c>.</summary>
    public string? CharterTemplate { get; init; }

    /// <summary>Optional. Whether a human must approve each hire.</summary>
    public bool? RequiresApproval { get; init; }
}
