using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// Walks a repository's history oldest first and says, for each commit, which followed files (those
/// matching any of the globs) it added, changed or deleted.
/// </summary>
/// <remarks>
/// <para>
/// Order: every commit reachable from the tip, parents before children, by a depth-first walk from the tip
/// that visits a commit's first parent's history, then each further parent's not yet visited history, then
/// the commit. So a merged branch's commits come right before its merge, after the main line up to the
/// merge, and each change is attributed to the commit that authored it. The order is a function of the
/// commit graph alone (not of git's heuristics or a commit-graph file), and when the tip moves forward
/// along its first parents, the earlier walk is an exact prefix of the new one, which lets a re-run skip
/// what it imported before.
/// </para>
/// <para>
/// Changes: the walker keeps the content it has reported for each followed path. A commit's candidates
/// are the paths it differs from any of its parents in (<c>git diff-tree -m</c>, renames reported as a
/// deletion and an addition); a candidate is reported when its content in the commit differs from what
/// was reported last, and the commit either authored it (it differs from every parent's) or descends from
/// the commit that reported the current content (see <see cref="GitWalkState"/>). So a clean merge reports
/// nothing, a merge reports its conflict resolutions and the sides it kept, and merging main into a branch
/// does not re-report main's older content. At the tip, the whole tree is compared with the reported
/// contents as well, so after a walk the reported content of every followed path is the tip's.
/// Only regular files count: a path that becomes a symbolic link or a submodule is reported as deleted.
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

    /// <summary>Each commit of <paramref name="commits"/> (as <see cref="ListCommitsAsync"/> listed them) with the followed files it changed.</summary>
    /// <exception cref="GitException">git failed.</exception>
    public async IAsyncEnumerable<GitCommitChanges> WalkAsync(
        ImmutableArray<GitCommit> commits,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (commits.IsDefaultOrEmpty)
        {
            yield break;
        }

        var state = new GitWalkState(commits);
        var git = _repository.Runner.Start(
            ["diff-tree", "--stdin", "-r", "-z", "-m", "--raw", "--no-renames", "--no-abbrev", "--root", "--always"],
            writesInput: true,
            cancellationToken);
        var feeding = Task.CompletedTask;
        try
        {
            feeding = FeedAsync(git, commits, cancellationToken);
            var pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < commits.Length; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var commit = commits[i];
                if (pending is null)
                {
                    // --always prints every commit fed, so output that ends early means git stopped: report why
                    // rather than walk on as if the remaining commits changed nothing.
                    await git.CompleteAsync(cancellationToken).ConfigureAwait(false);
                    throw new GitException($"git diff-tree stopped before commit {commit.Id}");
                }

                var candidates = new SortedDictionary<string, (string? Blob, int DiffersFrom)>(StringComparer.Ordinal);
                // A merge prints its id once per parent, each followed by the diff against that parent.
                while (pending == commit.Id)
                {
                    pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
                    while (pending is not null && pending.StartsWith(':'))
                    {
                        var path = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false)
                            ?? throw new GitException("git diff-tree ended in the middle of an entry");
                        if (Follows(path))
                        {
                            candidates[path] = (NewBlobOf(pending), candidates.GetValueOrDefault(path).DiffersFrom + 1);
                        }

                        pending = await ReadTextAsync(git, cancellationToken).ConfigureAwait(false);
                    }
                }

                if (i == commits.Length - 1)
                {
                    await AddTipDifferencesAsync(commit, candidates, state, cancellationToken).ConfigureAwait(false);
                }

                yield return new GitCommitChanges(commit, state.Apply(commit, candidates));
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

    // The tip's tree is what the import must end with, whatever the walk reported before it.
    private async Task AddTipDifferencesAsync(
        GitCommit tip, SortedDictionary<string, (string? Blob, int DiffersFrom)> candidates, GitWalkState state, CancellationToken cancellationToken)
    {
        var files = await _repository.ListFilesAsync(tip.Id, cancellationToken).ConfigureAwait(false);
        foreach (var (path, blob) in files)
        {
            if (Follows(path))
            {
                candidates[path] = (blob, GitWalkState.Forced);
            }
        }

        foreach (var path in state.Paths)
        {
            if (!files.ContainsKey(path))
            {
                candidates[path] = (null, GitWalkState.Forced);
            }
        }
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

    private static async Task FeedAsync(RunningGit git, ImmutableArray<GitCommit> commits, CancellationToken cancellationToken)
    {
        try
        {
            await using var writer = new StreamWriter(git.StandardInput, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
            foreach (var commit in commits)
            {
                await writer.WriteLineAsync(commit.Id.AsMemory(), cancellationToken).ConfigureAwait(false);
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
