using System.Runtime.CompilerServices;
using Npgsql;
using Verso.Integrity;
using Verso.Naming;
using Verso.Storage.Relational.Reading;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Postgres;

// Everything verify reads, in one REPEATABLE READ transaction on one connection, one reader at a time.
internal sealed class PostgresIntegritySnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string where) : IIntegritySnapshot
{
    // PostgreSQL checks its pages itself (checksums, when the cluster has them) and has no per-database
    // integrity_check without the amcheck extension; the rows verify reads are the check.
    public Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) => ReadAsync(
        "SELECT kind, id, head, head_hash, head_saved_at FROM verso.entities WHERE head > 0 ORDER BY kind, id;",
        row => new EntityHead(
            EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetInt32(2),
            Hashing.ContentHash.FromHex(row.GetString(3)), new DateTimeOffset(row.GetFieldValue<DateTime>(4), TimeSpan.Zero)),
        cancellationToken);

    public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) => ReadAsync(
        PostgresSnapshotReader.SelectSnapshotEvenWithoutContent + " ORDER BY e.kind, e.id, v.version;",
        PostgresSnapshotReader.Read,
        cancellationToken);

    public IAsyncEnumerable<StoredTag> ScanTagsAsync(CancellationToken cancellationToken = default) => ReadAsync(
        "SELECT e.kind, e.id, t.name, t.version FROM verso.tags t JOIN verso.entities e ON e.entity_pk = t.entity_pk ORDER BY e.kind, e.id, t.name;",
        row => new StoredTag(EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.GetInt32(3)),
        cancellationToken);

    public IAsyncEnumerable<TagMove> ScanTagHistoryAsync(CancellationToken cancellationToken = default) => ReadAsync(
        """
        SELECT e.kind, e.id, h.name, h.from_version, h.to_version, h.moved_by, h.moved_at, h.reason
        FROM verso.tag_history h JOIN verso.entities e ON e.entity_pk = h.entity_pk ORDER BY e.kind, e.id, h.name, h.seq;
        """,
        row => new TagMove(
            EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetInt32(4),
            row.GetString(5), new DateTimeOffset(row.GetFieldValue<DateTime>(6), TimeSpan.Zero), row.IsDBNull(7) ? null : row.GetString(7)),
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await foreach (var item in IntegrityRows.ReadAsync<NpgsqlDataReader, NpgsqlException, T>(
            command, map, exception => PostgresFaults.Translate(exception, where)!, where, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
