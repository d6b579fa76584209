using Verso.Storage.Relational.Compression;
using Npgsql;
using Verso.Hashing;
using Verso.Naming;
using Verso.Snapshots;

namespace Verso.Postgres;

// The one SELECT shape every snapshot read uses, and the mapping of its row to a Snapshot.
internal static class PostgresSnapshotReader
{
    // A removed version has no bytes by design; a version whose blob vanished otherwise is damage, which
    // only the integrity scan sees (ordinary reads skip it, as if the version were not there).
    public const string SelectSnapshot = SelectColumns + " AND (r.version IS NOT NULL OR b.hash IS NOT NULL)";

    public const string SelectSnapshotEvenWithoutContent = SelectColumns;

    private const string SelectColumns = """
        SELECT e.kind, e.id, v.version, v.hash, b.content, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
               v.source, r.kind, r.removed_by, r.removed_at, r.reason, b.base, d.content
        FROM verso.versions v
        LEFT JOIN verso.content_removals r ON r.entity_pk = v.entity_pk AND r.version = v.version
        LEFT JOIN verso.blobs b ON b.hash = v.hash AND r.version IS NULL
        LEFT JOIN verso.blobs d ON d.hash = b.base
        JOIN verso.entities e ON e.entity_pk = v.entity_pk
        """;

    // A delta's base comes from the same row (columns 17 and 18): at most one more blob, and two decompressions.
    public static Snapshot Read(NpgsqlDataReader row) =>
        Read(row, row.IsDBNull(4) ? [] : StoredContent.Decode(row.GetFieldValue<byte[]>(4), !row.IsDBNull(17), row.IsDBNull(18) ? null : row.GetFieldValue<byte[]>(18)));

    // The row with content the caller already has (equal by hash), for reads that skip the blob.
    public static Snapshot Read(NpgsqlDataReader row, ReadOnlyMemory<byte> content) => new(
        EntityKey.Create(row.GetString(0), row.GetString(1)),
        row.GetInt32(2),
        ContentHash.FromHex(row.GetString(3)),
        content,
        row.GetString(5),
        new DateTimeOffset(row.GetFieldValue<DateTime>(6), TimeSpan.Zero),
        row.IsDBNull(7) ? null : row.GetString(7),
        VersionOperations.Parse(row.GetString(8)),
        row.GetInt32(9))
    {
        RevertOf = row.IsDBNull(10) ? null : row.GetInt32(10),
        ChainHash = row.IsDBNull(11) ? null : ContentHash.FromHex(row.GetString(11)),
        Source = row.IsDBNull(12) ? null : VersionSource.FromJson(row.GetString(12)),
        Removal = row.IsDBNull(13) ? null : new ContentRemoval(
            ContentRemovals.Parse(row.GetString(13)), row.GetString(14), new DateTimeOffset(row.GetFieldValue<DateTime>(15), TimeSpan.Zero), row.IsDBNull(16) ? null : row.GetString(16)),
    };

    public static async Task<List<Snapshot>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var snapshots = new List<Snapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            snapshots.Add(Read(reader));
        }

        return snapshots;
    }
}
