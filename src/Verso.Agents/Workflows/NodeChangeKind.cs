namespace Verso.Agents.Workflows;

/// <summary>What happened to one workflow node, matched by id.</summary>
public enum NodeChangeKind
{
    /// <summary>The node exists only in the new workflow.</summary>
    Added,

    /// <summary>The node exists only in the old workflow.</summary>
    Removed,

    /// <summary>The node's position (x, y) moved farther than the move threshold.</summary>
    Moved,

    /// <summary>The node's label changed.</summary>
    LabelChanged,

    /// <summary>The node's type changed.</summary>
    TypeChanged,

    /// <summary>The node's config changed.</summary>
    ConfigChanged,
}
