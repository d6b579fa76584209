using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Reading;

namespace Verso.Postgres;

// The change log. An appending transaction writes all its version rows in its last round trip, after taking one
// transaction-scoped advisory lock that it holds through its commit (see PostgresGroupTransaction and
// PostgresTransactionAppends), and numbers them max(seq) + 1, + 2, … in append order; that statement (read
// committed) sees every append that released the lock, i.e. committed. So sequence order is commit order: a
// reader that saw N never later finds a version below N. Writers in one process share that transaction.
public sealed partial class PostgresVersionStore : IChangeLog
{
    internal const long ChangeSequenceLockKey = 0x5665_7273_6F01;

    /// <inheritdoc />
    public Task<IReadOnlyList<ChangeEntry>> ReadChangesAsync(long after, int limit, string? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return _connections.RunAsync<IReadOnlyList<ChangeEntry>>(
            async connection =>
            {
                await using var command = Command(
                    connection,
                    """
                    SELECT e.kind, e.id, v.version, v.hash, v.saved_by, v.saved_at, v.operation, v.seq
                    FROM verso.versions v JOIN verso.entities e ON e.entity_pk = v.entity_pk
                    WHERE v.seq > $1 AND ($2::text IS NULL OR e.kind = $2) ORDER BY v.seq LIMIT $3;
                    """,
                    after,
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)kind ?? DBNull.Value },
                    (long)limit);
                var entries = new List<ChangeEntry>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    entries.Add(SnapshotRows.ReadChange(reader, PostgresDialect.Instance));
                }

                return entries;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> GetLastSequenceAsync(CancellationToken cancellationToken = default) =>
        _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, "SELECT coalesce(max(seq), 0) FROM verso.versions;");
                return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);
}
