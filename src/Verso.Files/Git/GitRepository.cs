using System.Collections.Immutable;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// A git repository read through the real <c>git</c> executable: a work tree, a bare repository or a
/// <c>.git</c> directory. Nothing of git is reimplemented; this class starts git, reads its machine output
/// and keeps one <c>git cat-file --batch</c> process for blob contents. Dispose it to end that process.
/// </summary>
public sealed class GitRepository : IAsyncDisposable
{
    private readonly GitBlobReader _blobs;

    private GitRepository(string path, bool isBare, GitRunner runner)
    {
        Path = path;
        IsBare = isBare;
        Runner = runner;
        _blobs = new GitBlobReader(runner);
    }

    /// <summary>The repository's full path.</summary>
    public string Path { get; }

    /// <summary>Whether it is a bare repository (no work tree).</summary>
    public bool IsBare { get; }

    /// <summary>Runs git in this repository.</summary>
    internal GitRunner Runner { get; }

    /// <summary>
    /// Opens the repository at <paramref name="path"/>, which must itself be the top of a work tree, a bare
    /// repository or a <c>.git</c> directory: git does not search the folders above it.
    /// </summary>
    /// <exception cref="NotAGitRepositoryException">The path is not a directory or not a repository.</exception>
    /// <exception cref="GitException">git is not installed, or refuses the repository (e.g. its ownership).</exception>
    public static Task<GitRepository> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, GitRunner.DefaultExecutable, cancellationToken);

    /// <summary>Opens the repository with a given git executable (tests use a missing one).</summary>
    internal static async Task<GitRepository> OpenAsync(string path, string gitExecutable, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(fullPath))
        {
            throw new NotAGitRepositoryException(path, File.Exists(fullPath) ? "a file, not a directory" : "no such directory");
        }

        var runner = new GitRunner(gitExecutable, fullPath);
        var result = await runner.RunAsync(["rev-parse", "--is-bare-repository"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var message = RunningGit.MessageOf(result.Error);
            throw message.Contains("not a git repository", StringComparison.OrdinalIgnoreCase)
                ? new NotAGitRepositoryException(path, "git finds no repository there")
                : new GitException($"git cannot read '{path}': {message}", result.ExitCode);
        }

        return new GitRepository(fullPath, Encoding.UTF8.GetString(result.Output).Trim() == "true", runner);
    }

    /// <summary>The full id of the commit <paramref name="revision"/> names, or null when the repository has no commits yet.</summary>
    /// <exception cref="GitException">The revision names no commit.</exception>
    public async Task<string?> ResolveCommitAsync(string revision = "HEAD", CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        var result = await Runner.RunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return Encoding.UTF8.GetString(result.Output).Trim();
        }

        if (revision == "HEAD" && await IsUnbornAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        throw new GitException($"'{revision}' names no commit in '{Path}'", result.ExitCode);
    }

    /// <summary>The exact bytes of blob <paramref name="blobId"/> (no filters, no line-ending conversion).</summary>
    /// <exception cref="GitException">No such blob, or git failed.</exception>
    public async Task<ReadOnlyMemory<byte>> ReadBlobAsync(string blobId, CancellationToken cancellationToken = default) =>
        await _blobs.ReadAsync(blobId, cancellationToken).ConfigureAwait(false);

    /// <summary>A <c>git cat-file --batch</c> of its own that takes requests ahead of its answers (see <see cref="GitBlobPipe"/>); the caller disposes it.</summary>
    internal GitBlobPipe OpenBlobPipe() => new(Runner);

    /// <summary>Every regular file in <paramref name="commit"/>'s tree: path → blob id. Symbolic links and submodules are not files.</summary>
    internal async Task<ImmutableDictionary<string, string>> ListFilesAsync(string commit, CancellationToken cancellationToken)
    {
        var output = await Runner.RunCheckedAsync(["ls-tree", "-r", "-z", "--full-tree", commit], cancellationToken).ConfigureAwait(false);
        var files = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var entry in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"
            var tab = entry.IndexOf('\t', StringComparison.Ordinal);
            var fields = entry[..tab].Split(' ');
            if (GitFileMode.IsRegularFile(fields[0]))
            {
                files[entry[(tab + 1)..]] = fields[2];
            }
        }

        return files.ToImmutable();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _blobs.DisposeAsync();

    /// <summary>Whether HEAD points at a branch that has no commit yet: a fresh repository.</summary>
    private async Task<bool> IsUnbornAsync(CancellationToken cancellationToken)
    {
        var head = await Runner.RunAsync(["symbolic-ref", "--quiet", "HEAD"], cancellationToken).ConfigureAwait(false);
        if (head.ExitCode != 0)
        {
            return false;
        }

        var branch = Encoding.UTF8.GetString(head.Output).Trim();
        var exists = await Runner.RunAsync(["show-ref", "--verify", "--quiet", branch], cancellationToken).ConfigureAwait(false);
        return exists.ExitCode != 0;
    }
}
