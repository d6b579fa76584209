namespace Verso.Agents.Identity;

/// <summary>What an agent remembers between tasks.</summary>
public enum MemoryType
{
    /// <summary>Nothing: every task starts fresh.</summary>
    None,

    /// <summary>The current session only.</summary>
    Session,

    /// <summary>Everything within one project.</summary>
    Project,

    /// <summary>Everything, kept for the retention period.</summary>
    Persistent,
}
