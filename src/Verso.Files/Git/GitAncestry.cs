using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>Answers "is this commit an ancestor of that one" over the walked commit graph, in memory.</summary>
internal sealed class GitAncestry
{
    // Generation: 0 for a root, else one more than the highest parent. An ancestor always has a lower one,
    // which bounds each search to the commits between the two.
    private readonly Dictionary<string, (int Generation, ImmutableArray<string> Parents)> _commits = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="walkOrder"/>, which lists parents before children.</summary>
    public GitAncestry(ImmutableArray<GitCommit> walkOrder)
    {
        foreach (var commit in walkOrder)
        {
            var generation = 0;
            foreach (var parent in commit.Parents)
            {
                if (_commits.TryGetValue(parent, out var known))
                {
                    generation = Math.Max(generation, known.Generation + 1);
                }
            }

            _commits[commit.Id] = (generation, commit.Parents);
        }
    }

    /// <summary>Whether <paramref name="ancestor"/> is reachable from <paramref name="descendant"/> through parents.</summary>
    public bool IsAncestor(string ancestor, string descendant)
    {
        if (!_commits.TryGetValue(ancestor, out var target) || !_commits.TryGetValue(descendant, out var start) || target.Generation >= start.Generation)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal) { descendant };
        var pending = new Stack<ImmutableArray<string>>([start.Parents]);
        while (pending.TryPop(out var parents))
        {
            foreach (var parent in parents)
            {
                if (parent == ancestor)
                {
                    return true;
                }

                if (_commits.TryGetValue(parent, out var commit) && commit.Generation > target.Generation && seen.Add(parent))
                {
                    pending.Push(commit.Parents);
                }
            }
        }

        return false;
    }
}
