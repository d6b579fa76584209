namespace Verso.Agents.Identity;

/// <summary>How much an agent may do without a human's approval; written in snake_case (<c>supervised</c>).</summary>
public enum AutonomyLevel
{
    /// <summary>Acts and decides alone within its authority.</summary>
    Full,

    /// <summary>Acts alone on routine work, asks before anything consequential.</summary>
    Semi,

    /// <summary>Proposes; a human or supervising agent approves each action.</summary>
    Supervised,

    /// <summary>Does nothing until unlocked.</summary>
    Locked,
}
