using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>One commit's tree as a part's reader sees it: its followed files, and where to note what it skips or shadows.</summary>
internal sealed class GitTreeContext(GitCommit commit, ImmutableSortedDictionary<string, string> files, GitRepository repository, GitImportNotes notes)
{
    public GitCommit Commit { get; } = commit;

    /// <summary>The followed files of the commit's tree (of every part): path → blob id.</summary>
    public ImmutableSortedDictionary<string, string> Files { get; } = files;

    public GitRepository Repository { get; } = repository;

    public GitImportNotes Notes { get; } = notes;
}
