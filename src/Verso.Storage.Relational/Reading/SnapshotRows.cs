using System.Data.Common;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Relational.Dialects;
using Verso.Storage.Relational.Hashes;

namespace Verso.Storage.Relational.Reading;

/// <summary>The one SELECT shape every snapshot read uses in both stores, and the mapping of its row to a snapshot.</summary>
internal static class SnapshotRows
{
    /// <summary>Every version with its content, removal and delta base; a version whose blob vanished is left out.</summary>
    // A removed version has no bytes by design; a version whose blob vanished otherwise is damage, which
    // only the integrity scan sees (ordinary reads skip it, as if the version were not there).
    public static string Select(SqlDialect dialect) => SelectEvenWithoutContent(dialect) + " AND (r.version IS NOT NULL OR b.hash IS NOT NULL)";

    /// <summary>Every version, also one whose blob is missing (for the integrity scan).</summary>
    public static string SelectEvenWithoutContent(SqlDialect dialect) => $"""
        SELECT e.kind, e.id, v.version, v.hash, b.content, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
               v.source, r.kind, r.removed_by, r.removed_at, r.reason, b.base, d.content
        FROM {dialect.Table("versions")} v
        LEFT JOIN {dialect.Table("content_removals")} r ON r.entity_pk = v.entity_pk AND r.version = v.version
        LEFT JOIN {dialect.Table("blobs")} b ON b.hash = v.hash AND r.version IS NULL
        LEFT JOIN {dialect.Table("blobs")} d ON d.blob_pk = b.base
        JOIN {dialect.Table("entities")} e ON e.entity_pk = v.entity_pk
        """;

    /// <summary>
    /// The head of (kind, id) when it has the hash of the third parameter, without its bytes (an unchanged
    /// save is answered with the caller's own, equal by hash).
    /// </summary>
    public static string SelectHeadWithHash(SqlDialect dialect) => $"""
        SELECT e.kind, e.id, v.version, v.hash, NULL, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
               v.source, r.kind, r.removed_by, r.removed_at, r.reason
        FROM {dialect.Table("entities")} e
        JOIN {dialect.Table("versions")} v ON v.entity_pk = e.entity_pk AND v.version = e.head
        LEFT JOIN {dialect.Table("content_removals")} r ON r.entity_pk = v.entity_pk AND r.version = v.version
        WHERE e.kind = {dialect.Parameter(1, "kind")} AND e.id = {dialect.Parameter(2, "id")} AND e.head_hash = {dialect.Parameter(3, "hash")};
        """;

    /// <summary>
    /// The snapshot a row holds; <paramref name="knownContent"/> stands for a content column the query left out
    /// (NULL, and then the two base columns after the removal's need not be there); hashes are bound and read as their 32 bytes (see HashColumns).
    /// </summary>
    public static Snapshot Read(DbDataReader row, SqlDialect dialect, ReadOnlyMemory<byte> knownContent = default) => new(
        EntityKey.Create(row.GetString(0), row.GetString(1)),
        row.GetInt32(2),
        HashColumns.Read(row, 3),
        row.IsDBNull(4) ? knownContent : Content(row),
        row.GetString(5),
        dialect.ReadTime(row, 6),
        row.IsDBNull(7) ? null : row.GetString(7),
        VersionOperations.Parse(row.GetString(8)),
        row.GetInt32(9))
    {
        RevertOf = row.IsDBNull(10) ? null : row.GetInt32(10),
        ChainHash = HashColumns.ReadOptional(row, 11),
        Source = row.IsDBNull(12) ? null : VersionSource.FromJson(row.GetString(12)),
        Removal = row.IsDBNull(13) ? null : new ContentRemoval(
            ContentRemovals.Parse(row.GetString(13)), row.GetString(14), dialect.ReadTime(row, 15), row.IsDBNull(16) ? null : row.GetString(16)),
    };

    /// <summary>Every snapshot <paramref name="command"/> selects, in its order.</summary>
    public static async Task<List<Snapshot>> ReadAllAsync(DbCommand command, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var snapshots = new List<Snapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            snapshots.Add(Read(reader, dialect));
        }

        return snapshots;
    }

    /// <summary>A change-log row: kind, id, version, hash, saved_by, saved_at, operation, seq.</summary>
    public static ChangeEntry ReadChange(DbDataReader row, SqlDialect dialect) => new(
        row.GetInt64(7),
        VersionRef.ForVersion(EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetInt32(2)),
        HashColumns.Read(row, 3),
        row.GetString(4),
        dialect.ReadTime(row, 5),
        VersionOperations.Parse(row.GetString(6)));

    // A delta's base comes from the same row (columns 17 and 18): at most one more blob, and two decompressions.
    // GetFieldValue reads a blob stored as TEXT too, as its bytes, so a tampered row fails its hash check instead of a cast.
    private static byte[] Content(DbDataReader row) => StoredContent.Decode(
        row.GetFieldValue<byte[]>(4), !row.IsDBNull(17), row.IsDBNull(18) ? null : row.GetFieldValue<byte[]>(18));
}
