namespace Verso.Storage;

// The change log: every append, in the order the store's lock admitted it; its index + 1 is the sequence.
public sealed partial class InMemoryVersionStore : IChangeLog
{
    private readonly List<ChangeEntry> _changes = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<ChangeEntry>> ReadChangesAsync(long after, int limit, string? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<ChangeEntry> page = [.. _changes.Skip((int)Math.Min(after, _changes.Count)).Where(c => kind is null || c.Ref.Key.Kind == kind).Take(limit)];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc />
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult((long)_changes.Count);
        }
    }
}
