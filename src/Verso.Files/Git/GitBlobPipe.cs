using System.Collections.Concurrent;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// Reads blobs through a <c>git cat-file --batch</c> of its own, many requests written at once ahead of the answers.
/// Asked one at a time (<see cref="GitBlobReader"/>), each blob costs a round trip between two processes (we write,
/// git wakes and answers, we wake, through the runtime's event loop and thread pool): 10,000 of them cost an import
/// more CPU than git spent answering. Asked in runs, git answers a stream, which a thread of its own reads with
/// blocking reads, in the order asked; each run wakes it once.
/// </summary>
/// <remarks>One caller asks at a time (an import's planning loop); the answers may be awaited from anywhere.</remarks>
internal sealed class GitBlobPipe : IAsyncDisposable
{
    private readonly RunningGit _git;
    private readonly GitOutputReader _output;
    private readonly BlockingCollection<(IReadOnlyList<string> BlobIds, TaskCompletionSource<ReadOnlyMemory<byte>[]> Answer)> _asked = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _answering;
    private Exception? _failure;

    public GitBlobPipe(GitRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        // The process outlives any one request, so it is not tied to a request's token; disposing ends it.
        _git = runner.Start(["cat-file", "--batch"], writesInput: true, CancellationToken.None);
        _output = new GitOutputReader(new BlockingReadStream(_git.StandardOutput));
        _answering = Task.Factory.StartNew(Answer, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Asks git for the blobs <paramref name="blobIds"/> without waiting for them: the task completes when all their bytes are read.</summary>
    /// <exception cref="ArgumentException">An id is not an object id.</exception>
    public async ValueTask<Task<ReadOnlyMemory<byte>[]>> AskAsync(IReadOnlyList<string> blobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blobIds);
        if (blobIds.Count == 0)
        {
            return Task.FromResult<ReadOnlyMemory<byte>[]>([]);
        }

        var requests = new StringBuilder(blobIds.Count * 65);
        foreach (var blobId in blobIds)
        {
            // The batch protocol is line-based: anything but an object id could smuggle in a second request.
            if (!GitObjectId.IsValid(blobId))
            {
                throw new ArgumentException($"'{blobId}' is not a git object id", nameof(blobIds));
            }

            requests.Append(blobId).Append('\n');
        }

        var answer = new TaskCompletionSource<ReadOnlyMemory<byte>[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            // Queued before it is written, so the answers' reader always knows whose answers come next.
            _asked.Add((blobIds, answer), CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The reader stopped (git failed, or the pipe is disposed): no answer will come.
            return Task.FromException<ReadOnlyMemory<byte>[]>(_failure ?? new ObjectDisposedException(nameof(GitBlobPipe)));
        }

        try
        {
            await _git.StandardInput.WriteAsync(Encoding.ASCII.GetBytes(requests.ToString()), cancellationToken).ConfigureAwait(false);
            await _git.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // git is gone: the reader meets the end of its output and fails these answers with git's own message.
        }

        return answer.Task;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // Killing git ends its output, which unblocks a read still waiting for an answer.
        await _git.DisposeAsync().ConfigureAwait(false);
        await _answering.ConfigureAwait(false);
        _stop.Dispose();
        _asked.Dispose();
    }

    private void Answer()
    {
        Exception failure;
        try
        {
            foreach (var (blobIds, answer) in _asked.GetConsumingEnumerable(_stop.Token))
            {
                try
                {
                    var blobs = new ReadOnlyMemory<byte>[blobIds.Count];
                    for (var i = 0; i < blobs.Length; i++)
                    {
                        // The reads block (BlockingReadStream), so this has completed when it returns.
                        blobs[i] = GitBlobReader.ReadAnswerAsync(_git, _output, blobIds[i], CancellationToken.None).GetAwaiter().GetResult();
                    }

                    answer.TrySetResult(blobs);
                }
                catch (Exception exception) when (exception is GitException or IOException or ObjectDisposedException)
                {
                    answer.TrySetException(exception);
                    throw;
                }
            }

            failure = new ObjectDisposedException(nameof(GitBlobPipe));
        }
        catch (Exception exception) when (exception is GitException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Past a failed answer the stream may be mid-blob: nothing after it can be trusted.
            failure = exception;
        }

        _failure = failure;
        _asked.CompleteAdding();
        while (_asked.TryTake(out var waiting))
        {
            waiting.Answer.TrySetException(failure);
        }
    }
}
