using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>What importing one commit means: the versions it brings and the files it skips.</summary>
/// <param name="Commit">The commit.</param>
/// <param name="Steps">One step per entity whose content the commit changed or deleted, by part, then by entity id.</param>
/// <param name="Skipped">The followed files whose content names no valid entity, each (path, content) once in a walk.</param>
public sealed record GitPlannedCommit(GitCommit Commit, ImmutableArray<GitImportStep> Steps, ImmutableArray<GitImportSkip> Skipped)
{
    /// <summary>The followed files first seen set aside by a precedence rule at this commit, each once in a walk.</summary>
    public ImmutableArray<GitImportShadow> Shadowed { get; init; } = [];
}
