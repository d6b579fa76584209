using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>
/// The files an import skipped or shadowed, each noted once: a skipped content once per (path, content), a
/// shadowed file once per path, at the first commit whose tree showed it.
/// </summary>
internal sealed class GitImportNotes
{
    private readonly HashSet<(string Path, string Content)> _skipped = [];
    private readonly HashSet<string> _shadowed = new(StringComparer.Ordinal);
    private readonly ImmutableArray<GitImportSkip>.Builder _newSkips = ImmutableArray.CreateBuilder<GitImportSkip>();
    private readonly ImmutableArray<GitImportShadow>.Builder _newShadows = ImmutableArray.CreateBuilder<GitImportShadow>();

    public void Skip(GitCommit commit, string path, string content, string reason)
    {
        if (_skipped.Add((path, content)))
        {
            _newSkips.Add(new GitImportSkip(commit.Id, path, reason));
        }
    }

    public void Shadow(GitCommit commit, string path, string shadowedBy)
    {
        if (_shadowed.Add(path))
        {
            _newShadows.Add(new GitImportShadow(commit.Id, path, shadowedBy));
        }
    }

    /// <summary>What was noted since the last call.</summary>
    public (ImmutableArray<GitImportSkip> Skipped, ImmutableArray<GitImportShadow> Shadowed) Drain() =>
        (_newSkips.DrainToImmutable(), _newShadows.DrainToImmutable());
}
