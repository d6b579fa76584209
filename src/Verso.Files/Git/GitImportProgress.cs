namespace Verso.Files.Git;

/// <summary>How far an import has walked, for a progress bar.</summary>
/// <param name="CommitsWalked">Commits imported so far.</param>
/// <param name="TotalCommits">Commits the walk holds.</param>
public sealed record GitImportProgress(int CommitsWalked, int TotalCommits);
