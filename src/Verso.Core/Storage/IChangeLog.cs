namespace Verso.Storage;

/// <summary>
/// A store that numbers every appended version with a store-wide sequence, in commit order, so a reader
/// can resume "after N" with no gap and no duplicate (the REST change feed's <c>Last-Event-ID</c>).
/// </summary>
public interface IChangeLog
{
    /// <summary>The versions appended after sequence <paramref name="after"/>, oldest first, at most <paramref name="limit"/>.</summary>
    /// <param name="after">The last sequence already seen (0: from the start).</param>
    /// <param name="limit">The most entries to return.</param>
    /// <param name="kind">Only versions of this kind; null for all.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ChangeEntry>> ReadChangesAsync(long after, int limit, string? kind = null, CancellationToken cancellationToken = default);

    /// <summary>The sequence of the newest version (0 when the store is empty).</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default);
}
