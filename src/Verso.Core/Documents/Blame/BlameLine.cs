namespace Verso.Documents.Blame;

/// <summary>One line of a multi-line string and the version that last changed it.</summary>
/// <param name="Number">The line number, from 1.</param>
/// <param name="Text">The line, without its line break.</param>
/// <param name="Origin">The version that last changed the line.</param>
public sealed record BlameLine(int Number, string Text, BlameOrigin Origin);
