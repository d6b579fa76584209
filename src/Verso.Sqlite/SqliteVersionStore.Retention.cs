using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Retention;

namespace Verso.Sqlite;

// Pruning and erasure (schema 5): a removal row replaces a version's bytes; the version row stays.
public sealed partial class SqliteVersionStore
{
    /// <inheritdoc />
    public Task<ContentRemovalResult> PruneAsync(EntityKey key, RetentionPolicy policy, ContentRemoval stamp, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        RetentionRows.EnsurePrune(policy, stamp);
        return _faults.WriteAsync(() => RemoveContentAsync(key, stamp, dryRun, async (connection, entityPk, head) =>
        {
            // Under the write lock: no tag or pin can land on a version between this check and the removal.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT v.version, v.saved_at,
                       EXISTS (SELECT 1 FROM tags t WHERE t.entity_pk = v.entity_pk AND t.version = v.version)
                       OR EXISTS (SELECT 1 FROM version_refs p WHERE p.target_pk = v.entity_pk AND p.target_version = v.version)
                FROM versions v
                WHERE v.entity_pk = $entity
                  AND NOT EXISTS (SELECT 1 FROM content_removals r WHERE r.entity_pk = v.entity_pk AND r.version = v.version);
                """;
            command.Parameters.AddWithValue("$entity", entityPk);
            return await RetentionRows.ChoosePrunableAsync(command, SqliteDialect.Instance, policy, head, stamp, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
    }

    /// <inheritdoc />
    public Task<ContentRemovalResult> EraseAsync(EntityKey key, ContentHash hash, ContentRemoval stamp, CancellationToken cancellationToken = default)
    {
        RetentionRows.EnsureErase(stamp);
        return _faults.WriteAsync(() => RemoveContentAsync(key, stamp, dryRun: false, async (connection, entityPk, _) =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT v.version FROM versions v
                WHERE v.entity_pk = $entity AND v.hash = $hash
                  AND NOT EXISTS (SELECT 1 FROM content_removals r WHERE r.entity_pk = v.entity_pk AND r.version = v.version)
                ORDER BY v.version;
                """;
            command.Parameters.AddWithValue("$entity", entityPk);
            command.Parameters.AddWithValue("$hash", Verso.Storage.Relational.Hashes.HashColumns.Bytes(hash));
            return await RetentionRows.ChooseErasedAsync(command, key, hash, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
    }

    // One transaction under the write lock: choose the versions, stamp them, then free blobs nothing needs
    // (re-encoding first the deltas built on them).
    private async Task<ContentRemovalResult> RemoveContentAsync(
        EntityKey key,
        ContentRemoval stamp,
        bool dryRun,
        Func<SqliteConnection, long, int, Task<ImmutableArray<int>>> choose,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Erased content must not linger in free pages of the file: overwrite what is deleted with zeros.
            await SqliteSchema.ExecuteAsync(connection, "PRAGMA secure_delete = ON;", cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var head = await ReadHeadAsync(connection, key, cancellationToken).ConfigureAwait(false) ?? throw NotFoundException.ForEntity(key);
            var versions = await choose(connection, head.EntityPk, head.Version).ConfigureAwait(false);
            if (dryRun || versions.IsEmpty)
            {
                return new ContentRemovalResult(key, versions);
            }

            await using (var stampCommand = connection.CreateCommand())
            {
                stampCommand.CommandText = """
                    INSERT INTO content_removals (entity_pk, version, kind, removed_by, removed_at, reason)
                    SELECT $entity, value, $kind, $by, $at, $reason FROM json_each($versions);
                    """;
                stampCommand.Parameters.AddWithValue("$entity", head.EntityPk);
                stampCommand.Parameters.AddWithValue("$versions", SqliteJsonArray.Of(versions));
                stampCommand.Parameters.AddWithValue("$kind", stamp.Kind.ToName());
                stampCommand.Parameters.AddWithValue("$by", stamp.RemovedBy);
                stampCommand.Parameters.AddWithValue("$at", SqliteDialect.ToMicroseconds(stamp.RemovedAt));
                stampCommand.Parameters.AddWithValue("$reason", (object?)stamp.Reason ?? DBNull.Value);
                await stampCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await SqliteBlobRetirement.RetireAsync(connection, head.EntityPk, versions, DataSource, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            // The old pages also sit in the write-ahead log until a checkpoint copies them back and the log
            // is truncated; without readers in the way this empties it now (with readers, at a later checkpoint).
            await SqliteSchema.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken).ConfigureAwait(false);
            return new ContentRemovalResult(key, versions);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
