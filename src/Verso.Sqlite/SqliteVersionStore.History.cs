using System.Runtime.CompilerServices;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Sqlite;

// History pages by keyset: versions are numbered 1..head without gaps, so "skip the N newest" is
// "at most head - N", and every page is one range seek on the versions' primary key, however deep. Both
// ends of the range are given, as the PostgreSQL store gives them: SQLite's plan is that seek with the upper
// end alone (EXPLAIN QUERY PLAN: SEARCH v USING PRIMARY KEY (entity_pk=? AND version<?)), but a range of
// exactly the page keeps it one whatever statistics a later ANALYZE gives the planner.
public sealed partial class SqliteVersionStore
{
    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> GetHistoryAsync(EntityKey key, int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _faults.StreamAsync(ReadHistoryAsync(key, "v.version <= e.head - $bound AND v.version > e.head - $bound - $limit", offset, limit, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> GetHistoryBeforeAsync(EntityKey key, int beforeVersion, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _faults.StreamAsync(ReadHistoryAsync(key, "v.version < $bound AND v.version >= min($bound, e.head + 1) - $limit", beforeVersion, limit, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<Snapshot> ReadHistoryAsync(
        EntityKey key, string range, int bound, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteDialect.Instance.SelectSnapshot + $"""
             WHERE e.kind = $kind AND e.id = $id AND {range}
            ORDER BY v.version DESC LIMIT $limit;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$bound", bound);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return SqliteDialect.Instance.ReadSnapshot(reader);
        }
    }
}
