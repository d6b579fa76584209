using System.Globalization;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// Reads blobs through one long-lived <c>git cat-file --batch</c>: one process for a whole import instead
/// of one per file. The content comes back exactly as stored (no filters, no line-ending conversion).
/// </summary>
internal sealed class GitBlobReader : IAsyncDisposable
{
    private readonly GitRunner _runner;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private RunningGit? _git;

    public GitBlobReader(GitRunner runner) => _runner = runner;

    /// <summary>The bytes of blob <paramref name="blobId"/>.</summary>
    /// <exception cref="GitException">The object does not exist, is not a blob, or git failed.</exception>
    public async Task<byte[]> ReadAsync(string blobId, CancellationToken cancellationToken)
    {
        // The batch protocol is line-based: anything but an object id could smuggle in a second request.
        if (!GitObjectId.IsValid(blobId))
        {
            throw new ArgumentException($"'{blobId}' is not a git object id", nameof(blobId));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The process outlives this call, so it is not tied to this call's token.
            _git ??= _runner.Start(["cat-file", "--batch"], writesInput: true, CancellationToken.None);
            return await ExchangeAsync(_git, blobId, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A request cut short leaves the stream mid-answer; the next request starts a fresh process.
            await ResetAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await ResetAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private static async Task<byte[]> ExchangeAsync(RunningGit git, string blobId, CancellationToken cancellationToken)
    {
        await git.StandardInput.WriteAsync(Encoding.ASCII.GetBytes(blobId + "\n"), cancellationToken).ConfigureAwait(false);
        await git.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        return await ReadAnswerAsync(git, git.Output, blobId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads <c>git cat-file --batch</c>'s answer to a request for <paramref name="blobId"/>: its header, the bytes and the newline after them.</summary>
    /// <exception cref="GitException">The object does not exist, is not a blob, or git stopped.</exception>
    internal static async Task<byte[]> ReadAnswerAsync(RunningGit git, GitOutputReader output, string blobId, CancellationToken cancellationToken)
    {
        var headerBytes = await output.ReadFieldAsync((byte)'\n', cancellationToken).ConfigureAwait(false)
            ?? throw new GitException($"git cat-file ended before answering for {blobId}: {RunningGit.MessageOf(await git.ReadErrorAsync().ConfigureAwait(false))}");
        var header = Encoding.UTF8.GetString(headerBytes).Split(' ');
        if (header.Length != 3)
        {
            throw new GitException($"git cat-file: object {blobId} {(header.Length == 2 ? header[1] : "unreadable")}");
        }

        if (header[1] != "blob")
        {
            throw new GitException($"git cat-file: object {blobId} is a {header[1]}, not a blob");
        }

        var size = long.Parse(header[2], NumberStyles.None, CultureInfo.InvariantCulture);
        if (size > Array.MaxLength)
        {
            throw new GitException($"git cat-file: blob {blobId} is {size} bytes, too large to import");
        }

        var content = await output.ReadExactlyAsync((int)size, cancellationToken).ConfigureAwait(false);
        await output.ReadExactlyAsync(1, cancellationToken).ConfigureAwait(false); // the newline after the content
        return content;
    }

    private async Task ResetAsync()
    {
        if (_git is { } git)
        {
            _git = null;
            await git.DisposeAsync().ConfigureAwait(false);
        }
    }
}
