using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>One walked commit and what it changed among the files an import follows.</summary>
/// <param name="Commit">The commit.</param>
/// <param name="Changes">The followed files whose content it changed, added or deleted, ordered by path.</param>
public sealed record GitCommitChanges(GitCommit Commit, ImmutableArray<GitFileChange> Changes);
