using Npgsql;
using NpgsqlTypes;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Relational.Hashes;
using Verso.Documents.Hashing;

namespace Verso.Postgres;

// The end of a prune or an erase, inside its transaction and holding the exclusive lock of every candidate
// blob: the candidates no version still holding content needs are deleted, after the deltas built on them
// are re-encoded against a base that stays. A delta's base is always the content of a version of an entity
// that also holds the delta's content (the append and gc choose bases so), which is how the deltas on a
// blob are found here without an index: through the versions of the entities that hold the blob's content.
internal static class PostgresBlobRetirement
{
    /// <summary>A blob stored anew ($1 content, $2 the base's hash or NULL, $3 its hash), its base named by row id.</summary>
    public const string Rewrite = "UPDATE verso.blobs SET content = $1, base = (SELECT k.blob_pk FROM verso.blobs k WHERE k.hash = $2) WHERE hash = $3;";

    public static async Task RetireAsync(NpgsqlConnection connection, string[] candidates, string store, CancellationToken cancellationToken)
    {
        var doomed = new List<string>();
        await using (var select = Command(connection, """
            SELECT b.hash FROM verso.blobs b
            WHERE b.hash = ANY($1) AND NOT EXISTS (
                SELECT 1 FROM verso.versions v
                WHERE v.hash = b.hash
                  AND NOT EXISTS (SELECT 1 FROM verso.content_removals r WHERE r.entity_pk = v.entity_pk AND r.version = v.version))
            ORDER BY b.hash;
            """, HashArray(candidates)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                doomed.Add(HashColumns.Hex(reader, 0));
            }
        }

        if (doomed.Count == 0)
        {
            return;
        }

        var hashes = doomed.ToArray();
        foreach (var group in await ReadDependentsAsync(connection, hashes, cancellationToken).ConfigureAwait(false))
        {
            // The group's new keyframe must outlive this transaction: held like an append holds its base.
            // Only tried, so two removals never wait on each other; without it the group is stored whole.
            await using var hold = Command(connection, "SELECT pg_try_advisory_xact_lock_shared($1);", PostgresVersionStore.BlobLockKey(ContentHash.FromHex(group[0].Hash)));
            var held = (bool)(await hold.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            foreach (var (hash, stored, @base) in DeltaRebase.Plan(group, store, deltas: held))
            {
                await using var update = Command(
                    connection, Rewrite,
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = stored },
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = @base is null ? DBNull.Value : HashColumns.Bytes(@base) },
                    HashColumns.Bytes(hash));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await using var delete = Command(connection, "DELETE FROM verso.blobs WHERE hash = ANY($1);", HashArray(hashes));
        await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The deltas on the doomed blobs that stay, grouped by base, each group in version order.
    private static async Task<List<List<StoredBlob>>> ReadDependentsAsync(NpgsqlConnection connection, string[] hashes, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, """
            SELECT b.hash, b.content, k.hash, k.content
            FROM (SELECT v.hash, min(v.version) AS first FROM verso.versions v
                  WHERE v.entity_pk IN (SELECT w.entity_pk FROM verso.versions w WHERE w.hash = ANY($1))
                  GROUP BY v.hash) f
            JOIN verso.blobs b ON b.hash = f.hash JOIN verso.blobs k ON k.blob_pk = b.base
            WHERE k.hash = ANY($1) AND NOT (b.hash = ANY($1))
            ORDER BY k.hash, f.first, b.hash;
            """, HashArray(hashes));
        return await StoredBlobGroups.ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlParameter HashArray(string[] hashes) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, Value = hashes.Select(HashColumns.Bytes).ToArray() };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
