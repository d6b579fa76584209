using Npgsql;
using NpgsqlTypes;
using Verso.Documents.Hashing;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Hashes;

namespace Verso.Postgres;

// A lone append (one caller, one version, no pins: the common save) as ONE statement sent outside any transaction, so
// PostgreSQL runs it as a transaction of its own and commits it before answering: one round trip where the locked path
// takes three (head lock with its reads, writes under the change sequence's lock, COMMIT). The delta needs the keyframe's
// bytes in this process, so the statement works from the head this store object remembers (PostgresHeadMemory) and
// verifies it under the head row's lock; when anything moved, it writes nothing and the append takes the locked path.
public sealed partial class PostgresVersionStore
{
    private readonly PostgresHeadMemory _heads = new();

    // Reading top to bottom:
    // - head: the head row locked (NO KEY UPDATE, as the locked path), only if it is still the remembered version and
    //   hash. SKIP LOCKED: a row another transaction holds (its writer, a prune, a tag move) is not waited for here, but
    //   left to the locked path, which queues for it; so this statement never waits while holding the sequence lock.
    //   Re-checked against the row's newest version when it changed after the statement's snapshot.
    // - prior: the head version's row still has the remembered chain hash (the chain covers the whole history, so the
    //   remembered keyframe version still holds the keyframe), and the content's blob lock is taken, as the locked
    //   path's early writes take it, so a prune cannot delete the blob between the insert and the commit.
    // - keyframe: the delta's base is still a whole blob, held (FOR SHARE, never waited for) against a delete or a
    //   re-encode, and its blob lock tried, as the locked path tries it, so a prune that would delete it waits for this
    //   commit and then sees the delta (PostgresBlobRetirement).
    // - ready: all of that held, and the change sequence's lock was free (tried, never waited for: waiting would leave
    //   this statement's snapshot older than the last holder's versions, so max(seq) below would be stale).
    // - then the blob, the head and the version row numbered max(seq) + 1, and the notice, as the locked path writes
    //   them. The sequence lock is held through the commit, so sequence order stays commit order. Should another
    //   holder have committed between this statement's snapshot and the try (a few microseconds), max(seq) + 1 is the
    //   number it took, and the unique index on seq refuses this row: nothing of the statement stands, and the append
    //   takes the locked path (TryAppendAloneAsync).
    private const string LoneAppend = """
        WITH head AS (
            SELECT e.entity_pk FROM verso.entities e
            WHERE e.kind = $1 AND e.id = $2 AND e.head = $3 AND e.head_hash = $4
            FOR NO KEY UPDATE OF e SKIP LOCKED),
        prior AS (
            SELECT h.entity_pk, pg_advisory_xact_lock_shared($11) FROM head h
            JOIN verso.versions v ON v.entity_pk = h.entity_pk AND v.version = $3
            WHERE v.chain_hash = $5),
        keyframe AS (
            SELECT k.blob_pk FROM verso.blobs k
            WHERE k.hash = $6 AND k.base IS NULL AND pg_try_advisory_xact_lock_shared($7)
            FOR SHARE OF k SKIP LOCKED),
        ready AS (
            SELECT p.entity_pk, (SELECT k.blob_pk FROM keyframe k) AS base FROM prior p
            WHERE ($6 IS NULL OR EXISTS (SELECT FROM keyframe)) AND pg_try_advisory_xact_lock($12)),
        blob AS (
            INSERT INTO verso.blobs (hash, content, size, base)
            SELECT $8, $9, $10, r.base FROM ready r
            ON CONFLICT (hash) DO NOTHING RETURNING blob_pk),
        moved AS (
            UPDATE verso.entities e SET head = $3 + 1, head_hash = $8, head_saved_at = $14
            FROM ready r WHERE e.entity_pk = r.entity_pk
            RETURNING e.entity_pk),
        added AS (
            INSERT INTO verso.versions (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, seq)
            SELECT m.entity_pk, $3 + 1, $8, $13, $14, $15, $16, $17, $18, $19, $20, (SELECT coalesce(max(x.seq), 0) + 1 FROM verso.versions x)
            FROM moved m
            RETURNING seq)
        """ + "\nSELECT (SELECT count(*) FROM blob), pg_notify('" + PostgresChangeFeed.Channel + "', $21) FROM added;";

    // The lone append when the store remembers the entity's head and the request can be decided from it: null when it
    // cannot, or when the statement found the head, its keyframe or the sequence lock otherwise than remembered (it then
    // wrote nothing); the caller then takes the locked path, in a transaction, which decides the same request afresh.
    internal async Task<AppendResult?> TryAppendAloneAsync(NpgsqlConnection connection, AppendRequest request, CancellationToken cancellationToken)
    {
        // Pins are checked against their rows under locks, and an unchanged or conflicting outcome needs the head's row:
        // all of it is the locked path's work.
        if (!request.References.IsEmpty || _heads.Find(request.Key) is not { } head
            || (request.ExpectedVersion is { } expected && expected != head.Version)
            || (!request.Force && request.Content.Hash.Hex == head.Hash))
        {
            return null;
        }

        var snapshot = NewVersion(request, head.Version + 1, ContentHash.FromHex(head.Chain));
        var encoded = Encode(request, new Keyframe(head.KeyframeHash, head.KeyframeVersion, head.KeyframeStored), snapshot.Version);
        await using var command = new NpgsqlCommand(LoneAppend, connection);
        var parameters = command.Parameters;
        parameters.Add(Typed(NpgsqlDbType.Text, request.Key.Kind));
        parameters.Add(Typed(NpgsqlDbType.Text, request.Key.Id));
        parameters.Add(Typed(NpgsqlDbType.Integer, head.Version));
        parameters.Add(Typed(NpgsqlDbType.Bytea, HashColumns.Bytes(head.Hash)));
        parameters.Add(Typed(NpgsqlDbType.Bytea, HashColumns.Bytes(head.Chain)));
        parameters.Add(Typed(NpgsqlDbType.Bytea, encoded.Base is null ? null : HashColumns.Bytes(encoded.Base)));
        parameters.Add(Typed(NpgsqlDbType.Bigint, encoded.Base is null ? null : BlobLockKey(ContentHash.FromHex(encoded.Base))));
        parameters.Add(Typed(NpgsqlDbType.Bytea, HashColumns.Bytes(request.Content.Hash)));
        parameters.Add(Typed(NpgsqlDbType.Bytea, encoded.Stored));
        parameters.Add(Typed(NpgsqlDbType.Integer, request.Content.Length));
        parameters.Add(Typed(NpgsqlDbType.Bigint, BlobLockKey(request.Content.Hash)));
        parameters.Add(Typed(NpgsqlDbType.Bigint, ChangeSequenceLockKey));
        parameters.Add(Typed(NpgsqlDbType.Text, snapshot.SavedBy));
        parameters.Add(Typed(NpgsqlDbType.TimestampTz, snapshot.SavedAt.UtcDateTime));
        parameters.Add(Typed(NpgsqlDbType.Text, snapshot.Message));
        parameters.Add(Typed(NpgsqlDbType.Text, snapshot.Operation.ToName()));
        parameters.Add(Typed(NpgsqlDbType.Integer, snapshot.SchemaVersion));
        parameters.Add(Typed(NpgsqlDbType.Integer, snapshot.RevertOf));
        parameters.Add(Typed(NpgsqlDbType.Bytea, HashColumns.Bytes(snapshot.ChainHash!.Value)));
        parameters.Add(Typed(NpgsqlDbType.Text, snapshot.Source?.ToJson()));
        parameters.Add(Typed(NpgsqlDbType.Text, $"{VersionRef.ForVersion(snapshot.Key, snapshot.Version)} {snapshot.Hash}"));
        long stored;
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _heads.Forget(request.Key);
                return null;
            }

            stored = reader.GetInt64(0);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation && exception.ConstraintName == "versions_by_seq")
        {
            // Another holder's versions committed between this statement's snapshot and its try of the sequence lock:
            // the statement was refused whole, and the locked path numbers it under the lock.
            return null;
        }
        catch
        {
            // Whether it committed is unknown (the connection broke, say): the next append reads the head.
            _heads.Forget(request.Key);
            throw;
        }

        // The next delta goes on this version when it is a new whole blob; on the same keyframe when it is a delta on
        // it, or when the content's blob was already there (stored by an earlier version, in whatever form).
        _heads.Remember(request.Key, encoded.Base is null && stored > 0
            ? new PostgresHead(head.EntityPk, snapshot.Version, request.Content.Hash.Hex, snapshot.ChainHash.Value.Hex, request.Content.Hash.Hex, snapshot.Version, encoded.Stored)
            : head with { Version = snapshot.Version, Hash = request.Content.Hash.Hex, Chain = snapshot.ChainHash.Value.Hex });
        return new AppendResult(AppendOutcome.Created, snapshot);
    }

    // What the locked path's transaction appended, once it committed: each entity's last version and the keyframe its next
    // delta may go on (see PostgresTransactionAppends.KeyframeAfter); an entity whose keyframe is unknown is forgotten.
    internal void RememberCommitted(PostgresTransactionAppends appends)
    {
        foreach (var (key, entityPk, last, keyframe) in appends.Heads())
        {
            if (keyframe is { Stored: { } bytes } known)
            {
                _heads.Remember(key, new PostgresHead(entityPk, last.Version, last.Hash.Hex, last.ChainHash!.Value.Hex, known.Hash, known.Version, bytes));
            }
            else
            {
                _heads.Forget(key);
            }
        }
    }

    // Typed, so the statement is prepared once per connection whichever values are null.
    private static NpgsqlParameter Typed(NpgsqlDbType type, object? value) => new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
