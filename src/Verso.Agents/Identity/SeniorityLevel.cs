namespace Verso.Agents.Identity;

/// <summary>An agent's rank in the organization, for display and routing.</summary>
public enum SeniorityLevel
{
    /// <summary>Intern.</summary>
    Intern,

    /// <summary>Junior.</summary>
    Junior,

    /// <summary>Mid-level.</summary>
    Mid,

    /// <summary>Senior.</summary>
    Senior,

    /// <summary>Team lead.</summary>
    Lead,

    /// <summary>Principal.</summary>
    Principal,

    /// <summary>Director.</summary>
    Director,

    /// <summary>Vice president.</summary>
    Vp,

    /// <summary>Executive (<c>c_suite</c>).</summary>
    CSuite,
}
