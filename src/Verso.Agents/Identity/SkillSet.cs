using System.Collections.Immutable;

namespace Verso.Agents.Identity;

/// <summary>An agent's skills; each list is keyed by skill id for diffs.</summary>
public sealed record SkillSet
{
    /// <summary>Optional. The skills the agent is hired for.</summary>
    public ImmutableList<Skill>? Primary { get; init; }

    /// <summary>Optional. Skills it can help with.</summary>
    public ImmutableList<Skill>? Secondary { get; init; }
}
