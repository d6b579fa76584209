namespace Verso.Files.Squad;

/// <summary>One part of <c>decisions.md</c> as the layout keeps it: literal text, or the id of the decision whose text goes there.</summary>
/// <param name="Text">Text between entries, exactly as in the file; null for an entry.</param>
/// <param name="Decision">The entry's decision id; null for text.</param>
public sealed record SquadLayoutPart(string? Text = null, string? Decision = null);
