namespace Verso.Diff;

/// <summary>One line of a hunk.</summary>
/// <param name="Kind">Whether the line is kept, removed or added.</param>
/// <param name="Text">The line, without its line break.</param>
public sealed record DiffLine(LineChange Kind, string Text);
