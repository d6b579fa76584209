using Npgsql;
using NpgsqlTypes;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Relational.Hashes;

namespace Verso.Postgres;

// A group commit's heads locked in key order in its first round trip, and, in the same round trip, the heads this store
// object remembers (PostgresHeadMemory) verified under those locks: an append whose head is verified skips its own
// round trip of head lock and reads, so a group of callers on remembered entities costs that round trip, the last one
// and the COMMIT, where it cost one round trip more per append.
public sealed partial class PostgresVersionStore
{
    internal async Task<Dictionary<EntityKey, LockedHead>> LockGroupHeadsAsync(
        NpgsqlConnection connection, List<EntityKey> keys, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        var remembered = keys.Select(key => (Key: key, Head: _heads.Find(key))).Where(r => r.Head is not null).ToDictionary(r => r.Key, r => r.Head!);
        if (remembered.Count == 0)
        {
            await LockHeadsAsync(connection, keys, appends, cancellationToken).ConfigureAwait(false);
            return [];
        }

        var keyframes = remembered.Values.Select(h => h.KeyframeHash).Distinct().Order(StringComparer.Ordinal).ToArray();
        await using var batch = new NpgsqlBatch(connection);
        var before = AddHeadLocks(batch, keys, appends);
        // Each a statement of its own, so each reads with a snapshot taken once the locks before it are held: the heads
        // as the last holder of their locks committed them, and the keyframes after their blob locks were tried (a
        // prune that deleted one just before the try is seen by the last statement, which then finds no row).
        batch.BatchCommands.Add(Statement(
            """
            SELECT e.kind, e.id, e.entity_pk, e.head, e.head_hash, v.chain_hash
            FROM unnest($1::text[], $2::text[]) AS q(kind, id)
            JOIN verso.entities e ON e.kind = q.kind AND e.id = q.id
            JOIN verso.versions v ON v.entity_pk = e.entity_pk AND v.version = e.head;
            """,
            Array(NpgsqlDbType.Text, remembered.Keys.Select(k => k.Kind).ToArray()),
            Array(NpgsqlDbType.Text, remembered.Keys.Select(k => k.Id).ToArray())));
        batch.BatchCommands.Add(Statement(
            "SELECT u.hash, pg_try_advisory_xact_lock_shared(u.lock_key) FROM unnest($1::bytea[], $2::bigint[]) AS u(hash, lock_key);",
            Array(NpgsqlDbType.Bytea, keyframes.Select(HashColumns.Bytes).ToArray()),
            Array(NpgsqlDbType.Bigint, keyframes.Select(hex => BlobLockKey(ContentHash.FromHex(hex))).ToArray())));
        batch.BatchCommands.Add(Statement(
            "SELECT k.hash FROM verso.blobs k WHERE k.hash = ANY($1) AND k.base IS NULL;",
            Array(NpgsqlDbType.Bytea, keyframes.Select(HashColumns.Bytes).ToArray())));

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (; before > 0; before--)
        {
            await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        }

        var heads = new Dictionary<EntityKey, (long EntityPk, int Version, string Hash, string? Chain)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = reader.GetFieldValue<byte[]>(4);
            heads[EntityKey.Create(reader.GetString(0), reader.GetString(1))] =
                (reader.GetInt64(2), reader.GetInt32(3), stored.Length == 0 ? "" : HashColumns.Hex(reader, 4), reader.IsDBNull(5) ? null : HashColumns.Hex(reader, 5));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var held = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (reader.GetBoolean(1))
            {
                held.Add(HashColumns.Hex(reader, 0));
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var whole = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            whole.Add(HashColumns.Hex(reader, 0));
        }

        var verified = new Dictionary<EntityKey, LockedHead>();
        foreach (var (key, memory) in remembered)
        {
            if (heads.TryGetValue(key, out var head) && head == (memory.EntityPk, memory.Version, memory.Hash, memory.Chain)
                && held.Contains(memory.KeyframeHash) && whole.Contains(memory.KeyframeHash))
            {
                verified[key] = new LockedHead(memory.EntityPk, memory.Version, memory.Hash, memory.Chain, new Keyframe(memory.KeyframeHash, memory.KeyframeVersion, memory.KeyframeStored));
            }
            else
            {
                _heads.Forget(key);
            }
        }

        return verified;
    }
}
