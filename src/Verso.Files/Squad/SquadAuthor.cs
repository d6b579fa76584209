namespace Verso.Files.Squad;

/// <summary>One author of a Squad decision, as its <c>**By:**</c> line names them.</summary>
/// <param name="Name">The name before any parenthesis, trimmed: <c>Fenster</c> of <c>Fenster (Core Dev)</c>.</param>
/// <param name="Formerly">The earlier name a <c>(formerly Edie)</c> gives, else null.</param>
/// <param name="Text">The author exactly as written, trimmed: a person who is no agent stays this text.</param>
public sealed record SquadAuthor(string Name, string? Formerly, string Text);
