namespace Verso.Documents.Diff;

/// <summary>One line of a hunk.</summary>
/// <param name="Kind">Whether the line is kept, removed or added.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record DiffLine(LineChange Kind, string Text)
{
    /// <summary>
    /// Whether this is the last line of its text and has no line break after it; unified diff shows it
    /// as <c>\ No newline at end of file</c> below the line. Such a line differs from the same text with
    /// a line break, so adding or dropping the final line break is a visible change.
    /// </summary>
    public bool NoNewlineAtEnd { get; init; }
}
