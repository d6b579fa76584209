using Verso.Storage.Relational.Hashes;
using Npgsql;
using Verso.Storage.Relational.Compression;
using Verso.Hashing;
using Verso.Storage;

namespace Verso.Postgres;

// How an append stores its content (schema 8): as a delta against the head's keyframe (the head's blob
// itself, or its base) when that pays, else on its own. Two round trips, whatever the history's length.
public sealed partial class PostgresVersionStore
{
    private static async Task<(byte[] Stored, string? Base)> EncodeAsync(
        NpgsqlConnection connection, AppendRequest request, long entityPk, string? headHash, int version, CancellationToken cancellationToken)
    {
        var content = request.Content.Utf8;
        if (headHash is null)
        {
            return (StoredContent.Encode(content.Span), null);
        }

        // The keyframe must be a version of this entity: retention finds the deltas on a blob through the
        // entities holding its content (see PostgresBlobRetirement).
        string? baseHash = null;
        var baseVersion = 0;
        await using (var find = Command(connection, """
            SELECT k.hash, (SELECT min(v.version) FROM verso.versions v WHERE v.entity_pk = $1 AND v.hash = k.hash)
            FROM verso.blobs h JOIN verso.blobs k ON k.blob_pk = coalesce(h.base, h.blob_pk) AND k.base IS NULL
            WHERE h.hash = $2;
            """, entityPk, HashColumns.Bytes(headHash)))
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(1))
            {
                (baseHash, baseVersion) = (HashColumns.Hex(reader, 0), reader.GetInt32(1));
            }
        }

        if (baseHash is not null && await LockBaseAsync(connection, baseHash, cancellationToken).ConfigureAwait(false) is { } baseStored
            && StoredContent.EncodeDelta(content.Span, baseHash, baseStored) is { } delta
            && StoredContent.KeepsDelta(delta.Length, baseStored.Length, version - baseVersion))
        {
            return (delta, baseHash);
        }

        return (StoredContent.Encode(content.Span), null);
    }

    // The base's stored bytes, held against deletion until this transaction ends (a prune or an erase takes
    // the blob's lock exclusively before it deletes, then sees this delta and re-encodes it). Only tried:
    // a removal already holding it may be deleting the base, and waiting could deadlock with it.
    private static async Task<byte[]?> LockBaseAsync(NpgsqlConnection connection, string baseHash, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(BatchCommand("SELECT pg_try_advisory_xact_lock_shared($1);", BlobLockKey(ContentHash.FromHex(baseHash))));
        // A statement of its own, so that its snapshot is taken once the lock is held.
        batch.BatchCommands.Add(BatchCommand("SELECT content FROM verso.blobs WHERE hash = $1 AND base IS NULL;", HashColumns.Bytes(baseHash)));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var locked = reader.GetBoolean(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        return locked && await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? reader.GetFieldValue<byte[]>(0) : null;
    }
}
