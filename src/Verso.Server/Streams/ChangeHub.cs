using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Verso.Errors;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Server.Streams;

/// <summary>
/// The one change listener of a server process. It subscribes to the store once (PostgreSQL: <c>LISTEN</c> on
/// one dedicated connection; SQLite: one poller of the change sequence), reads the change log by sequence
/// when woken, and keeps the newest entries in memory, from where every open stream takes its events. A
/// stream therefore holds no connection while it waits; only a stream resuming from further back than the
/// memory reaches reads the log itself, briefly, until it has caught up.
/// </summary>
internal sealed partial class ChangeHub : IAsyncDisposable
{
    private const int ReadBatch = 512;

    // Enough for every stream that keeps up; one further behind reads the log (see ChangeView.Behind).
    private const int DefaultMemoryLength = 4096;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly IVersionStore _store;
    private readonly int _memoryLength;
    private readonly TimeProvider _time;
    private readonly TimeSpan _recheckInterval;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();

    // One pending wake is enough: the reader reads everything after its cursor, however many versions woke it.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    // Replaced whole on every publish and read without a lock: a thousand streams waking at once do not queue.
    private volatile Window _memory = new([], 0, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    private Task? _started;
    private Task _loops = Task.CompletedTask;

    public ChangeHub(IVersionStore store, TokenStore tokens, VersoServerOptions options, ILogger<ChangeHub> logger, TimeProvider? time = null, int memoryLength = DefaultMemoryLength)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryLength, 1);
        _store = store;
        _memoryLength = memoryLength;
        _time = time ?? TimeProvider.System;
        _recheckInterval = options.StreamRecheckInterval;
        _logger = logger;
        Streams = new StreamRegistry(tokens, options.MaxStreamsPerToken);
    }

    /// <summary>The open streams, per token.</summary>
    public StreamRegistry Streams { get; }

    /// <summary>The clock heartbeats and rechecks run on.</summary>
    public TimeProvider Time => _time;

    /// <summary>Starts listening on the first call; later calls wait for that start (and retry one that failed).</summary>
    /// <exception cref="StoreUnavailableException">The store cannot be reached.</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Task started;
        lock (_gate)
        {
            if (_started is null || _started.IsFaulted || _started.IsCanceled)
            {
                // Run outside the lock: the start may complete synchronously (and take the lock itself).
                _started = Task.Run(StartCoreAsync, CancellationToken.None);
            }

            started = _started;
        }

        return started.WaitAsync(cancellationToken);
    }

    /// <summary>The entries after <paramref name="after"/> (at most <paramref name="max"/>) and the signal of the next change.</summary>
    public ChangeView Since(long after, int max)
    {
        var memory = _memory;
        if (after < memory.Floor)
        {
            return new ChangeView(true, [], memory.Cursor, memory.Changed.Task);
        }

        var recent = memory.Recent;
        int low = 0, high = recent.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (recent[middle].Entry.Sequence <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new ChangeView(false, new ArraySegment<ChangeFrame>(recent, low, Math.Min(max, recent.Length - low)), memory.Cursor, memory.Changed.Task);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loops.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private async Task StartCoreAsync()
    {
        var log = (IChangeLog)_store;
        // Listening before the first read, so nothing committed after the read goes unheard.
        var feed = await _store.SubscribeAsync(null, _stopping.Token).ConfigureAwait(false);
        long last;
        try
        {
            last = await log.GetLastSequenceAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch
        {
            await feed.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _memory = _memory with { Floor = last, Cursor = last };
        _loops = Task.WhenAll(ListenAsync(feed), ReadAsync(log), RecheckAsync());
    }

    // Notifications only wake the reader; what streams send comes from the log, read by sequence.
    private async Task ListenAsync(IChangeFeed feed)
    {
        try
        {
            while (true)
            {
                try
                {
                    await foreach (var _ in feed.ReadAsync(_stopping.Token).ConfigureAwait(false))
                    {
                        _wake.Writer.TryWrite(true);
                    }
                }
                catch (StoreUnavailableException exception)
                {
                    LogListenerLost(_logger, exception.Message);
                }
                finally
                {
                    await feed.DisposeAsync().ConfigureAwait(false);
                }

                feed = await ResubscribeAsync().ConfigureAwait(false);
                // Whatever landed while nobody listened is in the log after the reader's cursor.
                _wake.Writer.TryWrite(true);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task<IChangeFeed> ResubscribeAsync()
    {
        var retry = FirstRetry;
        while (true)
        {
            await Task.Delay(retry, _time, _stopping.Token).ConfigureAwait(false);
            try
            {
                var feed = await _store.SubscribeAsync(null, _stopping.Token).ConfigureAwait(false);
                LogListenerBack(_logger);
                return feed;
            }
            catch (StoreUnavailableException exception)
            {
                LogListenerLost(_logger, exception.Message);
                retry = retry * 2 < LastRetry ? retry * 2 : LastRetry;
            }
        }
    }

    private async Task ReadAsync(IChangeLog log)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false))
            {
                _wake.Reader.TryRead(out _);
                try
                {
                    await CatchUpAsync(log, _stopping.Token).ConfigureAwait(false);
                }
                catch (StoreUnavailableException exception)
                {
                    // The next notification or tick reads again from the same cursor: nothing is skipped.
                    LogReadFailed(_logger, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task CatchUpAsync(IChangeLog log, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await log.ReadChangesAsync(_memory.Cursor, ReadBatch, null, cancellationToken).ConfigureAwait(false);
            if (entries.Count == 0)
            {
                return;
            }

            var tokens = entries.Where(e => e.Ref.Key.Kind == TokenStore.Kind).Select(e => e.Ref.Key.Id).ToHashSet(StringComparer.Ordinal);
            if (tokens.Count > 0)
            {
                // Checked before the batch is published: a stream whose token was just revoked sees no event after it.
                await Streams.RecheckAsync(tokens, cancellationToken).ConfigureAwait(false);
            }

            Publish(entries);
            if (entries.Count < ReadBatch)
            {
                return;
            }
        }
    }

    // Only the reader publishes, so the memory is replaced without a lock; streams see the old or the new one whole.
    private void Publish(IReadOnlyList<ChangeEntry> entries)
    {
        var old = _memory;
        var frames = entries.Select(ChangeFrame.Of).ToArray();
        // The newest entries up to the memory's length: the tail of the old window, then the new ones.
        var kept = Math.Min(old.Recent.Length + frames.Length, _memoryLength);
        var fromNew = Math.Min(frames.Length, kept);
        var fromOld = kept - fromNew;
        var recent = new ChangeFrame[kept];
        Array.Copy(old.Recent, old.Recent.Length - fromOld, recent, 0, fromOld);
        Array.Copy(frames, frames.Length - fromNew, recent, fromOld, fromNew);
        // Every entry after the floor is in the window (nothing lies between the last one dropped and the first kept).
        var floor = kept < old.Recent.Length + frames.Length ? recent[0].Entry.Sequence - 1 : old.Floor;
        _memory = new Window(recent, floor, entries[^1].Sequence, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        old.Changed.TrySetResult();
    }

    // Every interval: each open stream's token is checked again, and the log is read even without a
    // notification (one lost with a connection is found here).
    private async Task RecheckAsync()
    {
        using var timer = new PeriodicTimer(_recheckInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false))
            {
                _wake.Writer.TryWrite(true);
                try
                {
                    await Streams.RecheckAsync(null, _stopping.Token).ConfigureAwait(false);
                }
                catch (StoreUnavailableException exception)
                {
                    LogReadFailed(_logger, exception.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    // The newest entries (every one after Floor, up to Cursor) and the signal completed when more are read.
    private sealed record Window(ChangeFrame[] Recent, long Floor, long Cursor, TaskCompletionSource Changed);

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "change listener lost the store, reconnecting: {Reason}")]
    private static partial void LogListenerLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "change listener reconnected; reading what it missed from the change log")]
    private static partial void LogListenerBack(ILogger logger);

    [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "change listener could not read the change log: {Reason}")]
    private static partial void LogReadFailed(ILogger logger, string reason);
}
