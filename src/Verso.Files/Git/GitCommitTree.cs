using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>One walked commit with the followed files of its own tree and of its parents' trees.</summary>
/// <param name="Commit">The commit.</param>
/// <param name="Files">The followed regular files of the commit's tree: path → blob id.</param>
/// <param name="ParentFiles">
/// The followed files of each parent's tree, in parent order; a parent outside the walk (a shallow clone's
/// boundary) is left out, so a root commit has none.
/// </param>
public sealed record GitCommitTree(GitCommit Commit, ImmutableSortedDictionary<string, string> Files, ImmutableArray<ImmutableSortedDictionary<string, string>> ParentFiles);
