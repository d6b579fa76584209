using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>What importing one commit means: the versions it brings and the files it skips.</summary>
/// <param name="Commit">The commit.</param>
/// <param name="Steps">One step per entity whose content the commit changed or deleted, ordered by entity id.</param>
/// <param name="Skipped">The followed files whose new content names no valid entity.</param>
public sealed record GitPlannedCommit(GitCommit Commit, ImmutableArray<GitImportStep> Steps, ImmutableArray<GitImportSkip> Skipped);
