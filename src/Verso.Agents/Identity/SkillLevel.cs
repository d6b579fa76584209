namespace Verso.Agents.Identity;

/// <summary>How well an agent masters a skill.</summary>
public enum SkillLevel
{
    /// <summary>Novice.</summary>
    Novice,

    /// <summary>Intermediate.</summary>
    Intermediate,

    /// <summary>Advanced.</summary>
    Advanced,

    /// <summary>Expert.</summary>
    Expert,
}
