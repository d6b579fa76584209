using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Relational.Hashes;

namespace Verso.Sqlite;

// The end of a prune or an erase, inside its transaction: the blobs of the removed versions that no
// version still holding content needs are deleted, after the deltas built on them are re-encoded
// against a base that stays. A delta's base is always the content of a version of an entity that also
// holds the delta's content (the append and gc choose bases so), which is how the deltas on a blob are
// found here without an index: through the versions of the entities that hold the blob's content.
internal static class SqliteBlobRetirement
{
    /// <summary>A blob stored anew ($hash, $content, and $base: the base's hash, or NULL), its base named by row id.</summary>
    public const string Rewrite = "UPDATE blobs SET content = $content, base = (SELECT k.blob_pk FROM blobs k WHERE k.hash = $base) WHERE hash = $hash;";

    public static async Task RetireAsync(SqliteConnection connection, long entityPk, ImmutableArray<int> versions, string store, CancellationToken cancellationToken)
    {
        var doomed = new List<string>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT DISTINCT v.hash FROM versions v
                WHERE v.entity_pk = $entity AND v.version IN (SELECT value FROM json_each($versions))
                  AND EXISTS (SELECT 1 FROM blobs b WHERE b.hash = v.hash)
                  AND NOT EXISTS (
                    SELECT 1 FROM versions w
                    WHERE w.hash = v.hash
                      AND NOT EXISTS (SELECT 1 FROM content_removals r WHERE r.entity_pk = w.entity_pk AND r.version = w.version))
                ORDER BY v.hash;
                """;
            select.Parameters.AddWithValue("$entity", entityPk);
            select.Parameters.AddWithValue("$versions", SqliteJsonArray.Of(versions));
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                doomed.Add(HashColumns.Hex(reader, 0));
            }
        }

        if (doomed.Count == 0)
        {
            return;
        }

        var hashes = SqliteJsonArray.Of(doomed);
        foreach (var group in await ReadDependentsAsync(connection, hashes, cancellationToken).ConfigureAwait(false))
        {
            foreach (var (hash, stored, @base) in DeltaRebase.Plan(group, store))
            {
                await using var update = connection.CreateCommand();
                update.CommandText = Rewrite;
                update.Parameters.Add(new SqliteParameter("$content", SqliteType.Blob) { Value = stored });
                update.Parameters.AddWithValue("$base", @base is null ? DBNull.Value : HashColumns.Bytes(@base));
                update.Parameters.AddWithValue("$hash", HashColumns.Bytes(hash));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM blobs WHERE hash IN (SELECT unhex(value) FROM json_each($hashes));";
        delete.Parameters.AddWithValue("$hashes", hashes);
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The deltas on the doomed blobs that stay, grouped by base, each group in version order.
    private static async Task<List<List<StoredBlob>>> ReadDependentsAsync(SqliteConnection connection, string hashes, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT b.hash, b.content, k.hash, k.content, min(v.version) AS first
            FROM versions v JOIN blobs b ON b.hash = v.hash JOIN blobs k ON k.blob_pk = b.base
            WHERE v.entity_pk IN (SELECT w.entity_pk FROM versions w WHERE w.hash IN (SELECT unhex(value) FROM json_each($hashes)))
              AND k.hash IN (SELECT unhex(value) FROM json_each($hashes))
              AND b.hash NOT IN (SELECT unhex(value) FROM json_each($hashes))
            GROUP BY b.hash
            ORDER BY k.hash, first, b.hash;
            """;
        command.Parameters.AddWithValue("$hashes", hashes);
        return await StoredBlobGroups.ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }
}
