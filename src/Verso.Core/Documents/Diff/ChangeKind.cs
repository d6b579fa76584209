namespace Verso.Documents.Diff;

/// <summary>What happened at a path between two JSON values.</summary>
public enum ChangeKind
{
    /// <summary>The path exists only on the right.</summary>
    Added,

    /// <summary>The path exists only on the left.</summary>
    Removed,

    /// <summary>The path holds a different value (for a multi-line string, see <see cref="JsonChange.Lines"/>).</summary>
    Modified,

    /// <summary>A keyed array item moved from <see cref="JsonChange.From"/> to <see cref="JsonChange.Path"/>.</summary>
    Moved,
}
