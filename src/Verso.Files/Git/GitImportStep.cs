using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Files.Git;

/// <summary>One version to import: an entity's content as a commit left it, or its deletion.</summary>
/// <param name="Commit">The commit that authored the content.</param>
/// <param name="Path">The file's path in the repository.</param>
/// <param name="Key">The entity the content is a version of.</param>
/// <param name="Content">The content's exact bytes (a whole file, or one entry of it); empty for a deletion.</param>
/// <param name="Deleted">The commit deleted the entity's last file.</param>
public sealed record GitImportStep(GitCommit Commit, string Path, EntityKey Key, ReadOnlyMemory<byte> Content, bool Deleted)
{
    /// <summary>The source kept with the version: commit, path, and whether it records a deletion.</summary>
    public VersionSource Source => new(Commit.Id, Path, Deleted);

    /// <summary>The part of the import the step belongs to; null for a step made outside a planner.</summary>
    public GitImportPart? Part { get; init; }

    /// <summary>The commit's tree as the import sees it, to read what else it held (e.g. the charter in force); null outside a planner.</summary>
    public GitTreeLookup? Tree { get; init; }
}
