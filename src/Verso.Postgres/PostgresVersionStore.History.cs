using System.Runtime.CompilerServices;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Postgres;

// History pages by keyset: versions are numbered 1..head without gaps, so "skip the N newest" is
// "at most head - N", and every page is one range scan of the versions' primary key, however deep. Both ends
// of the range are given: with the upper one alone the planner may walk another index over the whole history
// (bench/scale saw a page deep in a 100,000-version entity take 7-18x a short history's).
public sealed partial class PostgresVersionStore
{
    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> GetHistoryAsync(EntityKey key, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadHistoryAsync(key, "v.version <= e.head - $3 AND v.version > e.head - $3 - $4", offset, limit, cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> GetHistoryBeforeAsync(EntityKey key, int beforeVersion, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadHistoryAsync(key, "v.version < $3 AND v.version >= least($3, e.head + 1) - $4", beforeVersion, limit, cancellationToken);
    }

    private async IAsyncEnumerable<Snapshot> ReadHistoryAsync(
        EntityKey key, string range, int bound, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A page is read whole inside the error mapping; pages are bounded by the caller's limit.
        var page = await _connections.RunAsync(
            connection => QueryAsync(connection, $" WHERE e.kind = $1 AND e.id = $2 AND {range} ORDER BY v.version DESC LIMIT $4;", [key.Kind, key.Id, bound, (long)limit], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        foreach (var snapshot in page)
        {
            yield return snapshot;
        }
    }
}
