namespace Verso.Files.Git;

/// <summary>A followed file that a precedence rule set aside for another file naming the same entity.</summary>
/// <param name="Commit">The full id of the first commit whose tree held both.</param>
/// <param name="Path">The file set aside, e.g. <c>.ai-team/agents/edie/charter.md</c>.</param>
/// <param name="ShadowedBy">The file that names the entity instead, e.g. <c>.squad/agents/edie/charter.md</c>.</param>
public sealed record GitImportShadow(string Commit, string Path, string ShadowedBy);
