using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>The walk order of <see cref="GitHistoryWalker"/>: a depth-first post-order from the tip, first parents first.</summary>
internal static class GitWalkOrder
{
    /// <summary>The commits reachable from <paramref name="tip"/>, parents before children, the tip last.</summary>
    /// <remarks>Parents missing from <paramref name="commits"/> (a shallow clone's boundary) are left out.</remarks>
    public static ImmutableArray<GitCommit> From(string tip, IReadOnlyDictionary<string, GitCommit> commits)
    {
        var order = ImmutableArray.CreateBuilder<GitCommit>(commits.Count);
        var visited = new HashSet<string>(StringComparer.Ordinal) { tip };
        // An explicit stack: a long linear history would overflow a recursive walk.
        var stack = new Stack<(GitCommit Commit, int NextParent)>();
        stack.Push((commits[tip], 0));
        while (stack.TryPop(out var top))
        {
            var (commit, next) = top;
            if (next == commit.Parents.Length)
            {
                order.Add(commit);
                continue;
            }

            stack.Push((commit, next + 1));
            var parent = commit.Parents[next];
            if (commits.TryGetValue(parent, out var parentCommit) && visited.Add(parent))
            {
                stack.Push((parentCommit, 0));
            }
        }

        return order.DrainToImmutable();
    }
}
