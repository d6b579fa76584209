namespace Verso.Documents.Diff.Rendering;

/// <summary>One line of a diff as people read it.</summary>
/// <param name="Style">How the line should look.</param>
/// <param name="Text">The text, without a line break.</param>
public sealed record RenderedLine(DiffLineStyle Style, string Text);
