namespace Verso.Documents.Diff;

/// <summary>What a diff did to one line.</summary>
public enum LineChange
{
    /// <summary>The line is on both sides (context).</summary>
    Unchanged,

    /// <summary>The line is only on the left.</summary>
    Removed,

    /// <summary>The line is only on the right.</summary>
    Added,
}
