using Verso.Storage.Relational.Hashes;
using System.Collections.Immutable;
using Npgsql;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Retention;

namespace Verso.Postgres;

// Pruning and erasure (schema 5): a removal row replaces a version's bytes; the version row stays.
public sealed partial class PostgresVersionStore
{
    /// <inheritdoc />
    public Task<ContentRemovalResult> PruneAsync(EntityKey key, RetentionPolicy policy, ContentRemoval stamp, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        RetentionRows.EnsurePrune(policy, stamp);
        return RemoveContentAsync(key, stamp, dryRun, async (connection, entityPk, head) =>
        {
            // The version rows are locked first: an append pinning one of them holds it FOR SHARE, so this
            // waits for that pin to commit and the protection check below then sees it.
            await using var command = Command(connection, """
                WITH candidates AS (
                    SELECT v.entity_pk, v.version, v.saved_at FROM verso.versions v
                    WHERE v.entity_pk = $1
                      AND NOT EXISTS (SELECT 1 FROM verso.content_removals r WHERE r.entity_pk = v.entity_pk AND r.version = v.version)
                    FOR NO KEY UPDATE OF v)
                SELECT c.version, c.saved_at,
                       EXISTS (SELECT 1 FROM verso.tags t WHERE t.entity_pk = c.entity_pk AND t.version = c.version)
                       OR EXISTS (SELECT 1 FROM verso.version_refs p WHERE p.target_pk = c.entity_pk AND p.target_version = c.version)
                FROM candidates c;
                """, entityPk);
            return await RetentionRows.ChoosePrunableAsync(command, PostgresDialect.Instance, policy, head, stamp, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ContentRemovalResult> EraseAsync(EntityKey key, ContentHash hash, ContentRemoval stamp, CancellationToken cancellationToken = default)
    {
        RetentionRows.EnsureErase(stamp);
        return RemoveContentAsync(key, stamp, dryRun: false, async (connection, entityPk, _) =>
        {
            await using var command = Command(connection, """
                SELECT v.version FROM verso.versions v
                WHERE v.entity_pk = $1 AND v.hash = $2
                  AND NOT EXISTS (SELECT 1 FROM verso.content_removals r WHERE r.entity_pk = v.entity_pk AND r.version = v.version)
                ORDER BY v.version;
                """, entityPk, HashColumns.Bytes(hash));
            return await RetentionRows.ChooseErasedAsync(command, key, hash, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    // One transaction holding the entity's head row: choose the versions, stamp them, free blobs nothing needs.
    // NO KEY UPDATE locks: they queue with appends and tag moves, yet let a concurrent pin's foreign-key
    // check (KEY SHARE on this entity's rows) through, so a pin and a prune cannot deadlock.
    private Task<ContentRemovalResult> RemoveContentAsync(
        EntityKey key,
        ContentRemoval stamp,
        bool dryRun,
        Func<NpgsqlConnection, long, int, Task<ImmutableArray<int>>> choose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                long entityPk;
                int head;
                await using (var lockHead = Command(connection, "SELECT entity_pk, head FROM verso.entities WHERE kind = $1 AND id = $2 AND head > 0 FOR NO KEY UPDATE;", key.Kind, key.Id))
                await using (var reader = await lockHead.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        throw NotFoundException.ForEntity(key);
                    }

                    (entityPk, head) = (reader.GetInt64(0), reader.GetInt32(1));
                }

                var versions = await choose(connection, entityPk, head).ConfigureAwait(false);
                if (dryRun || versions.IsEmpty)
                {
                    return new ContentRemovalResult(key, versions);
                }

                await using (var stampRows = Command(connection, """
                    INSERT INTO verso.content_removals (entity_pk, version, kind, removed_by, removed_at, reason)
                    SELECT $1, unnest($2::integer[]), $3, $4, $5, $6;
                    """,
                    entityPk, versions.ToArray(), stamp.Kind.ToName(), stamp.RemovedBy, stamp.RemovedAt.UtcDateTime,
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)stamp.Reason ?? DBNull.Value }))
                {
                    await stampRows.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await DeleteUnneededBlobsAsync(connection, entityPk, versions, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new ContentRemovalResult(key, versions);
            },
            cancellationToken);
    }

    private async Task DeleteUnneededBlobsAsync(NpgsqlConnection connection, long entityPk, ImmutableArray<int> versions, CancellationToken cancellationToken)
    {
        var hashes = new List<string>();
        await using (var read = Command(connection, "SELECT DISTINCT hash FROM verso.versions WHERE entity_pk = $1 AND version = ANY($2) ORDER BY hash;", entityPk, versions.ToArray()))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                hashes.Add(HashColumns.Hex(reader, 0));
            }
        }

        foreach (var hash in hashes)
        {
            // Exclusive against appends of the same content, and against appends building a delta on it
            // (both hold the shared lock until they commit): once we hold it, every version that will ever
            // need this blob, and every delta on it, is visible to the statements below.
            await using var exclusive = Command(connection, "SELECT pg_advisory_xact_lock($1);", BlobLockKey(ContentHash.FromHex(hash)));
            await exclusive.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await PostgresBlobRetirement.RetireAsync(connection, [.. hashes], Where, cancellationToken).ConfigureAwait(false);
    }
}
