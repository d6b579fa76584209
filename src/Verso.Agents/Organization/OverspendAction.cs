namespace Verso.Agents.Organization;

/// <summary>What happens when spending reaches a limit.</summary>
public enum OverspendAction
{
    /// <summary>Notify and keep going.</summary>
    Alert,

    /// <summary>Slow down non-urgent work.</summary>
    Throttle,

    /// <summary>Refuse further spending.</summary>
    Block,

    /// <summary>Ask the next authority up.</summary>
    Escalate,
}
