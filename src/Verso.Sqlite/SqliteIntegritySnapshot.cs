using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Verso.Integrity;
using Verso.Naming;
using Verso.Storage.Relational.Reading;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Sqlite;

// Everything verify reads, in one read transaction on one connection. Driver errors met while reading
// (a damaged page stops a scan) are translated here, so the verifier can report them and go on.
internal sealed class SqliteIntegritySnapshot : IIntegritySnapshot
{
    // integrity_check stops after this many problems; a badly damaged file would otherwise print thousands.
    private const int MaxStorageProblems = 50;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _dataSource;

    private SqliteIntegritySnapshot(SqliteConnection connection, SqliteTransaction transaction, string dataSource)
    {
        _connection = connection;
        _transaction = transaction;
        _dataSource = dataSource;
    }

    public static async Task<SqliteIntegritySnapshot> BeginAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        var transaction = connection.BeginTransaction(deferred: true);
        // A deferred transaction takes its snapshot at its first read: take it now, before anything else is read.
        await using var start = connection.CreateCommand();
        start.CommandText = "SELECT count(*) FROM verso_schema;";
        await start.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteIntegritySnapshot(connection, transaction, dataSource);
    }

    public async Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA {(quick ? "quick_check" : "integrity_check")}({MaxStorageProblems});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = reader.IsDBNull(0) ? "" : reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add($"SQLite {(quick ? "quick_check" : "integrity_check")}: {line}");
                }
            }
        }
        catch (SqliteException exception)
        {
            problems.Add($"SQLite could not check {_dataSource}: {SqliteFaults.Translate(exception, _dataSource)!.Message}");
        }

        return problems;
    }

    public IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) => ReadAsync(
        "SELECT kind, id, head, head_hash, head_saved_at FROM entities WHERE head > 0 ORDER BY kind, id;",
        row => new EntityHead(
            EntityKey.Create(row.GetString(0), row.GetString(1)),
            row.GetInt32(2),
            Hashing.ContentHash.FromHex(row.GetString(3)),
            SqliteSnapshotReader.FromMicroseconds(row.GetInt64(4))),
        cancellationToken);

    // A version whose blob is gone still shows up, with no content, so the check can name it.
    public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) => ReadAsync(
        SqliteSnapshotReader.SelectSnapshotEvenWithoutContent + " ORDER BY e.kind, e.id, v.version;",
        row => SqliteSnapshotReader.Read(row),
        cancellationToken);

    public IAsyncEnumerable<StoredTag> ScanTagsAsync(CancellationToken cancellationToken = default) => ReadAsync(
        "SELECT e.kind, e.id, t.name, t.version FROM tags t JOIN entities e ON e.entity_pk = t.entity_pk ORDER BY e.kind, e.id, t.name;",
        row => new StoredTag(EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.GetInt32(3)),
        cancellationToken);

    public IAsyncEnumerable<TagMove> ScanTagHistoryAsync(CancellationToken cancellationToken = default) => ReadAsync(
        """
        SELECT e.kind, e.id, h.name, h.from_version, h.to_version, h.moved_by, h.moved_at, h.reason
        FROM tag_history h JOIN entities e ON e.entity_pk = h.entity_pk ORDER BY e.kind, e.id, h.name, h.seq;
        """,
        row => new TagMove(
            EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetInt32(4),
            row.GetString(5), SqliteSnapshotReader.FromMicroseconds(row.GetInt64(6)), row.IsDBNull(7) ? null : row.GetString(7)),
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async IAsyncEnumerable<T> ReadAsync<T>(string sql, Func<SqliteDataReader, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await foreach (var item in IntegrityRows.ReadAsync<SqliteDataReader, SqliteException, T>(
            command, map, exception => SqliteFaults.Translate(exception, _dataSource)!, _dataSource, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
