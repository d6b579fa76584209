namespace Verso.Agents.Identity;

/// <summary>An agent's runtime state; volatile, so never part of a version.</summary>
public enum AgentStatus
{
    /// <summary>Working.</summary>
    Active,

    /// <summary>Hired, not yet taking tasks.</summary>
    Onboarding,

    /// <summary>Temporarily not taking tasks.</summary>
    OnLeave,

    /// <summary>No longer part of the organization.</summary>
    Terminated,
}
