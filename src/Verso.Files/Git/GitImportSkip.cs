namespace Verso.Files.Git;

/// <summary>A followed file's content that was not imported, and why.</summary>
/// <param name="Commit">The full id of the commit that held the content.</param>
/// <param name="Path">The file's path.</param>
/// <param name="Reason">Why it was skipped, e.g. the id its path names breaks the id rule, or it does not parse.</param>
public sealed record GitImportSkip(string Commit, string Path, string Reason);
