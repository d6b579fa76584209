using Npgsql;
using Verso.Snapshots;
using Verso.Storage.Relational.Reading;

namespace Verso.Postgres;

// The shared snapshot SELECT and row mapping (SnapshotRows) in PostgreSQL's dialect.
internal static class PostgresSnapshotReader
{
    public static readonly string SelectSnapshot = SnapshotRows.Select(PostgresDialect.Instance);

    public static readonly string SelectSnapshotEvenWithoutContent = SnapshotRows.SelectEvenWithoutContent(PostgresDialect.Instance);

    public static Snapshot Read(NpgsqlDataReader row) => SnapshotRows.Read(row, PostgresDialect.Instance);

    // The row with content the caller already has (equal by hash), for reads that skip the blob.
    public static Snapshot Read(NpgsqlDataReader row, ReadOnlyMemory<byte> content) => SnapshotRows.Read(row, PostgresDialect.Instance, content);

    public static Task<List<Snapshot>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        SnapshotRows.ReadAllAsync(command, PostgresDialect.Instance, cancellationToken);
}
