using System.Collections.Concurrent;
using Verso.Storage;

namespace Verso.Storage.Relational.Writing;

// Shared by the SQL stores (SQLite, PostgreSQL). Group commit: appends that arrive
// while a commit is on its way to the disk queue up, and the next writer through the store's write gate
// commits all of them in one transaction and one sync. One caller failing (a conflict, say) fails only its
// own appends: the group runs again without it (see CommitPendingAsync); every caller hears back only after
// the commit that holds its versions returned.
// begin opens a store's transaction, told whether several callers' appends will share it.
internal sealed class GroupCommit(Func<bool, CancellationToken, Task<IGroupTransaction>> begin, SemaphoreSlim writeGate)
{
    // Enough to share one sync among many writers; small enough that one transaction stays short.
    private const int MostUnitsPerCommit = 256;

    private readonly ConcurrentQueue<Unit> _pending = new();

    /// <summary>Appends <paramref name="requests"/> all or nothing, in a commit shared with whoever else is waiting.</summary>
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        var unit = new Unit(requests);
        _pending.Enqueue(unit);
        try
        {
            await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!unit.TryCancel())
        {
            // Another writer's commit took it up already: its outcome is the one that stands.
            return await unit.Completion.Task.ConfigureAwait(false);
        }

        try
        {
            if (!unit.Completion.Task.IsCompleted)
            {
                await CommitPendingAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            writeGate.Release();
        }

        return await unit.Completion.Task.ConfigureAwait(false);
    }

    private async Task CommitPendingAsync()
    {
        var units = new List<Unit>();
        while (units.Count < MostUnitsPerCommit && _pending.TryDequeue(out var next))
        {
            if (next.TryStart())
            {
                units.Add(next);
            }
        }

        if (units.Count == 0)
        {
            return;
        }

        // Other callers' appends ride on this commit, so no one caller's cancellation stops it. No savepoints:
        // they cost a shared commit two statements per caller (two round trips on PostgreSQL) to spare a rare
        // failure. When one caller's appends fail, that caller hears why, the transaction is rolled back, and
        // the others run again in a new one, in the same order, so each sees exactly what it would have seen
        // had the failed caller never come: what a savepoint rolled back to.
        var none = CancellationToken.None;
        while (units.Count > 0)
        {
            var failed = -1;
            try
            {
                await using var group = await begin(units.Count > 1, none).ConfigureAwait(false);
                await group.LockAsync([.. units.SelectMany(u => u.Requests)], none).ConfigureAwait(false);
                for (var i = 0; i < units.Count && failed < 0; i++)
                {
                    var unit = units[i];
                    try
                    {
                        unit.Results = await group.AppendAllAsync(unit.Requests, none).ConfigureAwait(false);
                    }
                    catch (Exception exception) when (units.Count > 1)
                    {
                        unit.Error = exception;
                        failed = i;
                    }
                }

                if (failed < 0)
                {
                    await group.CommitAsync(none).ConfigureAwait(false);
                }
            }
            catch (Exception exception)
            {
                // Nothing of this transaction stands: every unit in it hears why.
                foreach (var unit in units)
                {
                    unit.Completion.TrySetException(exception);
                }

                return;
            }

            if (failed < 0)
            {
                break;
            }

            // Disposed without a commit: rolled back. The failed caller is answered; the rest go again.
            units[failed].Completion.TrySetException(units[failed].Error!);
            units.RemoveAt(failed);
        }

        foreach (var unit in units)
        {
            unit.Completion.TrySetResult(unit.Results!);
        }
    }

    // One caller's appends: queued, then taken up by a commit or cancelled, never both.
    private sealed class Unit(IReadOnlyList<AppendRequest> requests)
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Cancelled = 2;

        private int _state = Queued;

        public IReadOnlyList<AppendRequest> Requests { get; } = requests;

        public TaskCompletionSource<IReadOnlyList<AppendResult>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<AppendResult>? Results { get; set; }

        public Exception? Error { get; set; }

        public bool TryStart() => Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;

        public bool TryCancel() => Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued;
    }
}
