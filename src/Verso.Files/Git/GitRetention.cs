using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>
/// Keeps a value per walked commit until every child of the commit in the walk has taken it, so a walk holds
/// only the trees of commits some later commit still needs (a linear history holds one).
/// </summary>
internal sealed class GitRetention<T>
{
    private readonly Dictionary<string, int> _childrenLeft = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);

    public GitRetention(ImmutableArray<GitCommit> walkOrder)
    {
        var inWalk = walkOrder.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var commit in walkOrder)
        {
            foreach (var parent in commit.Parents.Where(inWalk.Contains).Distinct(StringComparer.Ordinal))
            {
                _childrenLeft[parent] = _childrenLeft.GetValueOrDefault(parent) + 1;
            }
        }
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="commit"/>'s children; a commit without any keeps nothing.</summary>
    public void Put(string commit, T value)
    {
        if (_childrenLeft.ContainsKey(commit))
        {
            _values[commit] = value;
        }
    }

    /// <summary>Whether a value is kept for <paramref name="commit"/>.</summary>
    public bool Has(string commit) => _values.ContainsKey(commit);

    /// <summary>The value kept for <paramref name="parent"/>, taken by one of its children; forgotten after the last child.</summary>
    public T Take(string parent)
    {
        var value = _values[parent];
        if (--_childrenLeft[parent] == 0)
        {
            _values.Remove(parent);
            _childrenLeft.Remove(parent);
        }

        return value;
    }
}
