using Verso.Storage.Relational.Compression;
using Microsoft.Data.Sqlite;
using Verso.Hashing;
using Verso.Naming;
using Verso.Snapshots;

namespace Verso.Sqlite;

// The one SELECT shape every snapshot read uses, and the mapping of its row to a Snapshot.
internal static class SqliteSnapshotReader
{
    // A removed version has no bytes by design; a version whose blob vanished otherwise is damage, which
    // only the integrity scan sees (ordinary reads skip it, as if the version were not there).
    public const string SelectSnapshot = SelectColumns + " AND (r.version IS NOT NULL OR b.hash IS NOT NULL)";

    public const string SelectSnapshotEvenWithoutContent = SelectColumns;

    private const string SelectColumns = """
        SELECT e.kind, e.id, v.version, v.hash, b.content, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
               v.source, r.kind, r.removed_by, r.removed_at, r.reason, b.base, d.content
        FROM versions v
        LEFT JOIN content_removals r ON r.entity_pk = v.entity_pk AND r.version = v.version
        LEFT JOIN blobs b ON b.hash = v.hash AND r.version IS NULL
        LEFT JOIN blobs d ON d.hash = b.base
        JOIN entities e ON e.entity_pk = v.entity_pk
        """;

    /// <summary>
    /// The snapshot a row holds; <paramref name="knownContent"/> stands for a content column the query left out
    /// (NULL, and then the two base columns after the removal's need not be there).
    /// </summary>
    public static Snapshot Read(SqliteDataReader row, ReadOnlyMemory<byte> knownContent = default) => new(
        EntityKey.Create(row.GetString(0), row.GetString(1)),
        row.GetInt32(2),
        ContentHash.FromHex(row.GetString(3)),
        // GetFieldValue reads a blob stored as TEXT too, as its bytes, so a tampered row fails its hash check instead of a cast.
        row.IsDBNull(4) ? knownContent : Content(row),
        row.GetString(5),
        FromMicroseconds(row.GetInt64(6)),
        row.IsDBNull(7) ? null : row.GetString(7),
        VersionOperations.Parse(row.GetString(8)),
        row.GetInt32(9))
    {
        RevertOf = row.IsDBNull(10) ? null : row.GetInt32(10),
        ChainHash = row.IsDBNull(11) ? null : ContentHash.FromHex(row.GetString(11)),
        Source = row.IsDBNull(12) ? null : VersionSource.FromJson(row.GetString(12)),
        Removal = row.IsDBNull(13) ? null : new ContentRemoval(
            ContentRemovals.Parse(row.GetString(13)), row.GetString(14), FromMicroseconds(row.GetInt64(15)), row.IsDBNull(16) ? null : row.GetString(16)),
    };

    // A delta's base comes from the same row (columns 17 and 18): at most one more blob, and two decompressions.
    private static byte[] Content(SqliteDataReader row) => StoredContent.Decode(
        row.GetFieldValue<byte[]>(4), !row.IsDBNull(17), row.IsDBNull(18) ? null : row.GetFieldValue<byte[]>(18));

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);

    public static async Task<List<Snapshot>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
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
