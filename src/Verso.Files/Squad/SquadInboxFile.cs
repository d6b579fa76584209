namespace Verso.Files.Squad;

/// <summary>One file of the decision inbox as the layout keeps it.</summary>
/// <param name="File">The file's name, e.g. <c>ripley-cors-policy.md</c>.</param>
/// <param name="Decision">The id of the decision that holds its text.</param>
public sealed record SquadInboxFile(string File, string Decision);
