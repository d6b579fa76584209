using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>
/// What a walk has reported so far for each followed path (its blob, and the commit that reported it),
/// and the rule that decides whether a commit's content for a path is news.
/// </summary>
/// <remarks>
/// A commit's content for a path is reported when it differs from what was reported last and either the
/// commit authored it (it differs from every parent's: any ordinary commit's change, a merge's conflict
/// resolution) or the commit that set the reported content is its ancestor, so the commit saw that
/// content and chose another (a merge keeping one side). A merge that takes a parent's content without
/// having seen the reported one reports nothing: merging main into a branch would otherwise re-report
/// main's older content over the newer commits of main the walk took before the branch.
/// </remarks>
internal sealed class GitWalkState
{
    /// <summary>How many parents a change differs from when it is forced (the tip's tree is the truth).</summary>
    public const int Forced = int.MaxValue;

    private readonly Dictionary<string, string> _blobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _setBy = new(StringComparer.Ordinal);
    private readonly GitAncestry _ancestry;

    public GitWalkState(ImmutableArray<GitCommit> walkOrder) => _ancestry = new GitAncestry(walkOrder);

    /// <summary>The paths whose reported content is a file (not deleted).</summary>
    public IEnumerable<string> Paths => _blobs.Keys;

    /// <summary>
    /// Applies <paramref name="commit"/>'s content for each candidate path (its blob, or null when absent,
    /// and how many of its parents that content differs from) and returns the changes it reports.
    /// </summary>
    public ImmutableArray<GitFileChange> Apply(GitCommit commit, SortedDictionary<string, (string? Blob, int DiffersFrom)> candidates)
    {
        var changes = ImmutableArray.CreateBuilder<GitFileChange>();
        foreach (var (path, (blob, differsFrom)) in candidates)
        {
            if (_blobs.GetValueOrDefault(path) == blob)
            {
                continue;
            }

            var authored = differsFrom >= Math.Max(1, commit.Parents.Length);
            if (!authored && _setBy.TryGetValue(path, out var setter) && !_ancestry.IsAncestor(setter, commit.Id))
            {
                continue;
            }

            if (blob is null)
            {
                _blobs.Remove(path);
            }
            else
            {
                _blobs[path] = blob;
            }

            _setBy[path] = commit.Id;
            changes.Add(new GitFileChange(path, blob));
        }

        return changes.DrainToImmutable();
    }
}
