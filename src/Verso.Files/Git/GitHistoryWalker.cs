using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// Walks a repository's history oldest first and gives, for each commit, the followed files (those matching
/// any of the globs) of its own tree and of its parents' trees.
/// </summary>
/// <remarks>
/// <para>
/// Order: every commit reachable from the tip, parents before children, by a depth-first walk from the tip
/// that visits a commit's first parent's history, then each further parent's not yet visited history, then
/// the commit. So a merged branch's commits come right before its merge, after the main line up to the
/// merge. The order is a function of the commit graph alone (not of git's heuristics or a commit-graph
/// file), and when the tip moves forward along its first parents, the earlier walk is an exact prefix of
/// the new one, which lets a re-run skip what it imported before.
/// </para>
/// <para>
/// Trees: each commit's files are its first parent's files changed by the commit's diff against that
/// parent (<c>git diff-tree</c>, no rename detection), and a root's are its diff against the empty tree; so
/// they are exactly what <c>git ls-tree</c> lists for the commit, never what another branch last had. Only
/// regular files count: a symbolic link or a submodule is no file. A tree is kept only until the last of
/// its commit's children has been walked.
/// </para>
/// </remarks>
public sealed class GitHistoryWalker
{
    private readonly GitRepository _repository;

    /// <summary>Creates a walker of <paramref name="repository"/> following the paths that match any of <paramref name="globs"/>.</summary>
    /// <exception cref="ArgumentException">No glob is given.</exception>
    public GitHistoryWalker(GitRepository repository, IEnumerable<PathGlob> globs)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(globs);
        _repository = repository;
        Globs = [.. globs];
        if (Globs.IsEmpty)
        {
            throw new ArgumentException("give at least one path glob", nameof(globs));
        }
    }

    /// <summary>The globs a path must match one of to be followed.</summary>
    public ImmutableArray<PathGlob> Globs { get; }

    /// <summary>Whether the walker follows <paramref name="path"/>.</summary>
    public bool Follows(string path) => Globs.Any(glob => glob.IsMatch(path));

    /// <summary>The commits reachable from <paramref name="revision"/>, in walk order (oldest first, the tip last); empty for a repository without commits.</summary>
    /// <exception cref="GitException">The revision names no commit, or git failed.</exception>
    public async Task<ImmutableArray<GitCommit>> ListCommitsAsync(string revision = "HEAD", CancellationToken cancellationToken = default)
    {
        var tip = await _repository.ResolveCommitAsync(revision, cancellationToken).ConfigureAwait(false);
        if (tip is null)
        {
            return [];
        }

        var commits = await ReadCommitsAsync(tip, cancellationToken).ConfigureAwait(false);
        return GitWalkOrder.From(tip, commits);
    }

    /// <summary>
    /// Each commit of <paramref name="commits"/> (as <see cref="ListCommitsAsync"/> listed them) with the
    /// followed files of its own tree and of its parents' trees.
    /// </summary>
    /// <exception cref="GitException">git failed.</exception>
    public async IAsyncEnumerable<GitCommitTree> WalkAsync(
        ImmutableArray<GitCommit> commits,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (commits.IsDefaultOrEmpty)
        {
            yield break;
        }

        var inWalk = commits.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var trees = new GitRetention<ImmutableSortedDictionary<string, string>>(commits);
        var git = _repository.Runner.Start(
            ["diff-tree", "--stdin", "-r", "-z", "--raw", "--no-renames", "--no-abbrev", "--root", "--always"],
            writesInput: true,
            cancellationToken);
        var feeding = Task.CompletedTask;
        try
        {
            feeding = FeedAsync(git, commits, inWalk, cancellationToken);
            var pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
            foreach (var commit in commits)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (pending != commit.Id)
                {
                    // --always prints every commit fed, so output that ends early means git stopped: report why
                    // rather than walk on as if the remaining commits changed nothing.
                    await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    throw new GitException(pending is null
                        ? $"git diff-tree stopped before commit {commit.Id}"
                        : $"git diff-tree printed '{pending}' where commit {commit.Id} was expected");
                }

                var parents = commit.Parents.Where(inWalk.Contains).Distinct(StringComparer.Ordinal).Select(trees.Take).ToImmutableArray();
                // The diff is against the first parent (or, for a root or a shallow boundary, the empty tree),
                // so the first parent's files and the diff make exactly this commit's files.
                var files = (IsFirstParentWalked(commit, inWalk) ? parents[0] : ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal)).ToBuilder();
                pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
                while (pending is not null && pending.StartsWith(':'))
                {
                    var path = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false)
                        ?? throw new GitException("git diff-tree ended in the middle of an entry");
                    if (Follows(path))
                    {
                        if (NewBlobOf(pending) is { } blob)
                        {
                            files[path] = blob;
                        }
                        else
                        {
                            files.Remove(path);
                        }
                    }

                    pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
                }

                var tree = files.ToImmutable();
                trees.Put(commit.Id, tree);
                yield return new GitCommitTree(commit, tree, parents);
            }

            if (pending is not null)
            {
                throw new GitException($"git diff-tree printed '{pending}' where no commit was expected");
            }

            await feeding.ConfigureAwait(false);
            await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await git.DisposeAsync().ConfigureAwait(false);
            await ObserveAsync(feeding).ConfigureAwait(false);
        }
    }

    private static bool IsFirstParentWalked(GitCommit commit, HashSet<string> inWalk) => commit.Parents.Length > 0 && inWalk.Contains(commit.Parents[0]);

    private async Task<ImmutableDictionary<string, GitCommit>> ReadCommitsAsync(string tip, CancellationToken cancellationToken)
    {
        // Six NUL-terminated fields per commit; raw name and email (.mailmap lives in the work tree, and a
        // work tree and its bare clone must import alike).
        await using var git = _repository.Runner.Start(
            ["log", "-z", "--no-use-mailmap", "--encoding=UTF-8", "--format=%H%x00%P%x00%an%x00%ae%x00%at%x00%s", tip, "--"],
            writesInput: false,
            cancellationToken);
        var commits = ImmutableDictionary.CreateBuilder<string, GitCommit>(StringComparer.Ordinal);
        while (await ReadTextAsync(git, cancellationToken).ConfigureAwait(false) is { } id)
        {
            var fields = new string[5];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false)
                    ?? throw new GitException($"git log ended in the middle of commit {id}");
            }

            var seconds = long.Parse(fields[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            commits[id] = new GitCommit(
                id,
                [.. fields[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)],
                fields[1],
                fields[2],
                DateTimeOffset.FromUnixTimeSeconds(seconds),
                fields[4]);
        }

        await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return commits.ToImmutable();
    }

    // ":<old mode> <new mode> <old blob> <new blob> <status>": the new side is the commit's.
    private static string? NewBlobOf(string entry)
    {
        var fields = entry[1..].Split(' ');
        if (fields.Length < 5)
        {
            throw new GitException($"git diff-tree printed an entry it should not: '{entry}'");
        }

        return GitFileMode.IsRegularFile(fields[1]) && !GitObjectId.IsNull(fields[3]) ? fields[3] : null;
    }

    private static async Task FeedAsync(RunningGit git, ImmutableArray<GitCommit> commits, HashSet<string> inWalk, CancellationToken cancellationToken)
    {
        try
        {
            await using var writer = new StreamWriter(git.StandardInput, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            foreach (var commit in commits)
            {
                // "<commit> <parent>" diffs against that parent only; a bare id diffs a root against the empty tree.
                var line = IsFirstParentWalked(commit, inWalk) ? $"{commit.Id} {commit.Parents[0]}" : commit.Id;
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            git.CloseInput();
        }
    }

    private static async Task ObserveAsync(Task feeding)
    {
        try
        {
            await feeding.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // git was stopped while still being fed (the walk ended early); that is not a second error.
        }
    }

    private static async Task<string?> ReadTextAsync(RunningGit git, CancellationToken cancellationToken)
    {
        var field = await git.Output.ReadFieldAsync(0, cancellationToken).ConfigureAwait(false);
        return field is null ? null : Encoding.UTF8.GetString(field);
    }
}
