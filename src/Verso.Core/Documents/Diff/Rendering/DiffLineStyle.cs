namespace Verso.Documents.Diff.Rendering;

/// <summary>How a rendered diff line should look; a terminal colors by it, plain text ignores it.</summary>
public enum DiffLineStyle
{
    /// <summary>A summary or heading.</summary>
    Header,

    /// <summary>Something added.</summary>
    Added,

    /// <summary>Something removed.</summary>
    Removed,

    /// <summary>A value changed in place.</summary>
    Modified,

    /// <summary>An item that moved.</summary>
    Moved,

    /// <summary>Unchanged context around changed lines.</summary>
    Context,

    /// <summary>A hunk header (<c>@@ -a,b +c,d @@</c>).</summary>
    Hunk,
}
