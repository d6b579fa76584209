namespace Verso.Agents.Workflows;

/// <summary>What happened to one workflow edge, matched by id.</summary>
public enum EdgeChangeKind
{
    /// <summary>The edge exists only in the new workflow.</summary>
    Added,

    /// <summary>The edge exists only in the old workflow.</summary>
    Removed,

    /// <summary>The edge's source or target node changed.</summary>
    Reconnected,

    /// <summary>The edge's type changed.</summary>
    TypeChanged,

    /// <summary>The edge's label changed.</summary>
    LabelChanged,
}
