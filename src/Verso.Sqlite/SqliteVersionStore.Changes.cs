using Verso.Storage;
using Verso.Storage.Relational.Reading;

namespace Verso.Sqlite;

// The change log: versions.seq is allocated inside the append's write transaction, so sequence order is
// commit order and "after N" never skips a version that commits later.
public sealed partial class SqliteVersionStore : IChangeLog
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ChangeEntry>> ReadChangesAsync(long after, int limit, string? kind = null, CancellationToken cancellationToken = default) => _faults.ReadAsync<IReadOnlyList<ChangeEntry>>(async () =>
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.kind, e.id, v.version, v.hash, v.saved_by, v.saved_at, v.operation, v.seq
            FROM versions v JOIN entities e ON e.entity_pk = v.entity_pk
            WHERE v.seq > $after AND ($kind IS NULL OR e.kind = $kind) ORDER BY v.seq LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$kind", (object?)kind ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var entries = new List<ChangeEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(SnapshotRows.ReadChange(reader, SqliteDialect.Instance));
        }

        return entries;
    });

    /// <inheritdoc />
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default) => _faults.ReadAsync<long>(async () =>
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM versions;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    });
}
