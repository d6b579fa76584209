using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// What an import has reported so far for each entity (its content, the commit that reported it, and the
/// file it came from), and the rule that decides whether a commit's content for an entity is news.
/// </summary>
/// <remarks>
/// A commit's content for an entity is reported when it differs from what was reported last and either the
/// commit authored it (it differs from every parent's content: any ordinary commit's change, a merge's
/// conflict resolution, a root's first content) or the commit that set the reported content is its
/// ancestor, so the commit saw that content and chose another (a merge keeping one side). A merge that takes
/// a parent's content without having seen the reported one reports nothing: merging main into a branch
/// would otherwise re-report main's older content over the newer commits of main the walk took before the
/// branch. The tip is forced: after the walk, every entity's reported content is the tip's.
/// </remarks>
internal sealed class GitWalkState
{
    private readonly Dictionary<EntityKey, (string? Content, string SetBy, string Path, int Part)> _reported = [];
    private readonly GitAncestry _ancestry;

    public GitWalkState(ImmutableArray<GitCommit> walkOrder) => _ancestry = new GitAncestry(walkOrder);

    /// <summary>The entities of part <paramref name="part"/> whose reported content is not a deletion.</summary>
    public IEnumerable<EntityKey> Present(int part) => _reported.Where(r => r.Value.Part == part && r.Value.Content is not null).Select(r => r.Key);

    /// <summary>The path the entity's reported content came from, or null when nothing was reported.</summary>
    public string? PathOf(EntityKey key) => _reported.TryGetValue(key, out var reported) ? reported.Path : null;

    /// <summary>
    /// Whether <paramref name="commit"/>'s content for <paramref name="key"/> (null: absent) is news given its
    /// parents' contents; when it is, it becomes the reported content.
    /// </summary>
    public bool Report(GitCommit commit, int part, EntityKey key, string? content, string path, IReadOnlyList<string?> parentContents, bool forced)
    {
        var known = _reported.TryGetValue(key, out var reported);
        if ((known ? reported.Content : null) == content)
        {
            return false;
        }

        var authored = parentContents.All(parent => parent != content);
        if (!forced && !authored && known && !_ancestry.IsAncestor(reported.SetBy, commit.Id))
        {
            return false;
        }

        _reported[key] = (content, commit.Id, path, part);
        return true;
    }
}
