using Microsoft.Data.Sqlite;
using Verso.Snapshots;
using Verso.Storage.Relational.Reading;

namespace Verso.Sqlite;

// The shared snapshot SELECT and row mapping (SnapshotRows) in SQLite's dialect.
internal static class SqliteSnapshotReader
{
    public static readonly string SelectSnapshot = SnapshotRows.Select(SqliteDialect.Instance);

    public static readonly string SelectSnapshotEvenWithoutContent = SnapshotRows.SelectEvenWithoutContent(SqliteDialect.Instance);

    public static Snapshot Read(SqliteDataReader row, ReadOnlyMemory<byte> knownContent = default) => SnapshotRows.Read(row, SqliteDialect.Instance, knownContent);

    public static long ToMicroseconds(DateTimeOffset time) => SqliteDialect.ToMicroseconds(time);

    public static DateTimeOffset FromMicroseconds(long microseconds) => SqliteDialect.FromMicroseconds(microseconds);

    public static Task<List<Snapshot>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken) =>
        SnapshotRows.ReadAllAsync(command, SqliteDialect.Instance, cancellationToken);
}
