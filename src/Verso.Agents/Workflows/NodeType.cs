namespace Verso.Agents.Workflows;

/// <summary>What a workflow node does.</summary>
public enum NodeType
{
    /// <summary>Where a run begins; exactly one per workflow.</summary>
    Start,

    /// <summary>Where a run finishes; exactly one per workflow.</summary>
    End,

    /// <summary>A unit of work.</summary>
    Task,

    /// <summary>Hands work to an agent or role.</summary>
    AgentAssignment,

    /// <summary>Chooses an outgoing edge by a condition.</summary>
    Conditional,

    /// <summary>Starts branches at the same time.</summary>
    ParallelSplit,

    /// <summary>Waits for branches to finish.</summary>
    ParallelJoin,

    /// <summary>Runs another workflow.</summary>
    Subworkflow,
}
