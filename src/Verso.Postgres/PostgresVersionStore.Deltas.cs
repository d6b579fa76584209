using Verso.Storage.Relational.Hashes;
using Npgsql;
using Verso.Storage.Relational.Compression;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Postgres;

// How an append stores its content (schema 8): as a delta against the head's keyframe (the head's blob
// itself, or its base) when that pays, else on its own. The keyframe is read in the head lock's round trip.
public sealed partial class PostgresVersionStore
{
    // The head row as locked, with what the append needs of it: its chain hash and, when it has one, its keyframe.
    internal readonly record struct LockedHead(long EntityPk, int Version, string Hash, string? Chain, Keyframe? Keyframe);

    // The head's keyframe: its hash, the entity's first version holding it, and its stored bytes (null when
    // its lock could not be had).
    internal sealed record Keyframe(string Hash, int Version, byte[]? Stored);

    // Two statements after the head row's lock, each with a snapshot of its own taken once the lock is held.
    // The keyframe must be a version of this entity: retention finds the deltas on a blob through the entities
    // holding its content (see PostgresBlobRetirement). Its blob lock is only tried, never waited for: a removal
    // already holding it may be deleting the base, and waiting could deadlock with it; once held, a prune or an
    // erase takes it exclusively before it deletes, then sees this delta and re-encodes it. The lock's key is
    // BlobLockKey's: the hash's first 64 bits, signed.
    private static void AddKeyframeReads(NpgsqlBatch batch, EntityKey key)
    {
        batch.BatchCommands.Add(BatchCommand(
            """
            SELECT k.hash, m.version, pg_try_advisory_xact_lock_shared(('x' || encode(substring(k.hash from 1 for 8), 'hex'))::bit(64)::bigint)
            FROM verso.entities e
            JOIN verso.blobs h ON h.hash = e.head_hash
            JOIN verso.blobs k ON k.blob_pk = coalesce(h.base, h.blob_pk) AND k.base IS NULL
            CROSS JOIN LATERAL (SELECT min(v.version) AS version FROM verso.versions v WHERE v.entity_pk = e.entity_pk AND v.hash = k.hash) m
            WHERE e.kind = $1 AND e.id = $2 AND e.head > 0;
            """,
            key.Kind,
            key.Id));
        batch.BatchCommands.Add(BatchCommand(
            """
            SELECT k.content FROM verso.entities e
            JOIN verso.blobs h ON h.hash = e.head_hash
            JOIN verso.blobs k ON k.blob_pk = coalesce(h.base, h.blob_pk) AND k.base IS NULL
            WHERE e.kind = $1 AND e.id = $2 AND e.head > 0;
            """,
            key.Kind,
            key.Id));
    }

    // earlier: this transaction's own versions of the entity, not in the table yet; the keyframe's first version may be one of them.
    private static async Task<Keyframe?> ReadKeyframeAsync(NpgsqlDataReader reader, IReadOnlyList<Model.Snapshots.Snapshot> earlier, CancellationToken cancellationToken)
    {
        Keyframe? keyframe = null;
        var locked = false;
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var hash = HashColumns.Hex(reader, 0);
            int? first = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            first ??= earlier.FirstOrDefault(v => v.Hash.Hex == hash)?.Version;
            keyframe = first is { } version ? new Keyframe(hash, version, null) : null;
            locked = reader.GetBoolean(2);
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return keyframe is not null && locked && await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? keyframe with { Stored = reader.GetFieldValue<byte[]>(0) }
            : keyframe;
    }

    private static (byte[] Stored, string? Base) Encode(AppendRequest request, Keyframe? keyframe, int version)
    {
        var content = request.Content.Utf8.Span;
        if (keyframe is { Stored: { } baseStored }
            && StoredContent.EncodeDelta(content, keyframe.Hash, baseStored) is { } delta
            && StoredContent.KeepsDelta(delta.Length, baseStored.Length, version - keyframe.Version))
        {
            return (delta, keyframe.Hash);
        }

        return (StoredContent.Encode(content), null);
    }
}
