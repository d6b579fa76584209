namespace Verso.Agents.Workflows;

/// <summary>How a workflow edge is taken.</summary>
public enum EdgeType
{
    /// <summary>Always, when its source finishes.</summary>
    Sequential,

    /// <summary>When its source's condition holds.</summary>
    ConditionalTrue,

    /// <summary>When its source's condition does not hold.</summary>
    ConditionalFalse,

    /// <summary>As one of several branches of a split.</summary>
    ParallelBranch,
}
