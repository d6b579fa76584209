namespace Verso.Agents.Workflows;

/// <summary>How a workflow runs its tasks.</summary>
public enum WorkflowType
{
    /// <summary>One node after another along the edges.</summary>
    Sequential,

    /// <summary>Independent branches at the same time.</summary>
    Parallel,

    /// <summary>Tasks pulled from a board as agents free up.</summary>
    Kanban,

    /// <summary>Time-boxed iterations.</summary>
    Agile,

    /// <summary>Defined by the nodes' config.</summary>
    Custom,
}
