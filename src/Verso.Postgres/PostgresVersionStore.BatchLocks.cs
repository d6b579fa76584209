using Npgsql;
using NpgsqlTypes;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Hashes;

namespace Verso.Postgres;

// The round trips that lock a run's heads (see PostgresVersionStore.Batch): one for the entities there are, with their
// head rows, keyframes and pinned versions; one more when some must be created.
public sealed partial class PostgresVersionStore
{
    private static async Task<(Dictionary<EntityKey, RunHead> Heads, Dictionary<(EntityKey, int), (long EntityPk, string Hash)> Pinned)> LockRunAsync(
        NpgsqlConnection connection, List<AppendRequest> run, List<PinnedRef> pins, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        var heads = new Dictionary<EntityKey, RunHead>();
        var pinned = new Dictionary<(EntityKey, int), (long, string)>();
        await using (var batch = new NpgsqlBatch(connection))
        {
            // The writes the appends before left, in order and before anything of this run's is read; only their SELECTs
            // (the locks) give results to pass over.
            var skip = 0;
            foreach (var write in appends.EarlyWrites)
            {
                batch.BatchCommands.Add(write);
                skip += write.CommandText.StartsWith("SELECT", StringComparison.Ordinal) ? 1 : 0;
            }

            appends.EarlyWrites.Clear();
            AddRunReads(batch, run);
            if (pins.Count > 0)
            {
                // FOR SHARE: a prune of the target waits for this pin to commit, then sees it and keeps the version.
                batch.BatchCommands.Add(Statement(
                    """
                    SELECT e.kind, e.id, q.version, e.entity_pk, v.hash
                    FROM unnest($1::text[], $2::text[], $3::integer[]) AS q(kind, id, version)
                    JOIN verso.entities e ON e.kind = q.kind AND e.id = q.id
                    JOIN verso.versions v ON v.entity_pk = e.entity_pk AND v.version = q.version
                    FOR SHARE OF v;
                    """,
                    Array(NpgsqlDbType.Text, pins.Select(p => p.Key.Kind).ToArray()),
                    Array(NpgsqlDbType.Text, pins.Select(p => p.Key.Id).ToArray()),
                    Array(NpgsqlDbType.Integer, pins.Select(p => p.Version).ToArray())));
            }

            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            for (; skip > 0; skip--)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            await ReadRunAsync(reader, appends, heads, cancellationToken).ConfigureAwait(false);
            if (pins.Count > 0)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    pinned[(EntityKey.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2))] = (reader.GetInt64(3), HashColumns.Hex(reader, 4));
                }
            }
        }

        var missing = run.Where(r => !heads.ContainsKey(r.Key)).ToList();
        if (missing.Count > 0)
        {
            await using var batch = new NpgsqlBatch(connection);
            // A concurrent first append of the same entity makes this wait on the unique index, then do nothing for it.
            batch.BatchCommands.Add(Statement(
                """
                INSERT INTO verso.entities (kind, id, head, head_hash, head_saved_at)
                SELECT q.kind, q.id, 0, ''::bytea, q.saved_at FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS q(kind, id, saved_at)
                ORDER BY q.kind COLLATE "C", q.id COLLATE "C"
                ON CONFLICT (kind, id) DO NOTHING;
                """,
                Array(NpgsqlDbType.Text, missing.Select(r => r.Key.Kind).ToArray()),
                Array(NpgsqlDbType.Text, missing.Select(r => r.Key.Id).ToArray()),
                Array(NpgsqlDbType.TimestampTz, missing.Select(r => r.SavedAt.UtcDateTime).ToArray())));
            AddRunReads(batch, missing);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await ReadRunAsync(reader, appends, heads, cancellationToken).ConfigureAwait(false);
            if (missing.FirstOrDefault(r => !heads.ContainsKey(r.Key)) is { } vanished)
            {
                throw new InvalidOperationException($"the head row of {vanished.Key} vanished while appending");
            }
        }

        return (heads, pinned);
    }

    // The head rows of keys there are, locked in key order (see PostgresGroupTransaction.LockAsync); a missing one is
    // created, and locked, by its append.
    internal static async Task LockHeadsAsync(NpgsqlConnection connection, List<EntityKey> keys, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        AddHeadLocks(batch, keys, appends);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The statements of LockHeadsAsync, after the early writes still unsent; returns how many of them give a result.
    private static int AddHeadLocks(NpgsqlBatch batch, List<EntityKey> keys, PostgresTransactionAppends appends)
    {
        var results = 0;
        foreach (var write in appends.EarlyWrites)
        {
            batch.BatchCommands.Add(write);
            results += write.CommandText.StartsWith("SELECT", StringComparison.Ordinal) ? 1 : 0;
        }

        appends.EarlyWrites.Clear();
        if (appends.TryStartKeyLookups())
        {
            batch.BatchCommands.Add(KeyLookups());
            results++;
        }

        batch.BatchCommands.Add(Statement(
            """
            SELECT e.entity_pk FROM unnest($1::text[], $2::text[]) AS q(kind, id) JOIN verso.entities e ON e.kind = q.kind AND e.id = q.id
            ORDER BY e.kind, e.id FOR NO KEY UPDATE OF e;
            """,
            Array(NpgsqlDbType.Text, keys.Select(k => k.Kind).ToArray()),
            Array(NpgsqlDbType.Text, keys.Select(k => k.Id).ToArray())));
        return results + 1;
    }

    // Four statements: the head rows locked in key order (so two batches over the same entities queue instead of
    // deadlocking), then, each with a snapshot of its own taken once the locks are held, the head versions' rows and
    // the keyframes (found and their blob locks tried, then their bytes), as AddKeyframeReads does for one entity.
    private static void AddRunReads(NpgsqlBatch batch, List<AppendRequest> run)
    {
        var kinds = Array(NpgsqlDbType.Text, run.Select(r => r.Key.Kind).ToArray());
        var ids = Array(NpgsqlDbType.Text, run.Select(r => r.Key.Id).ToArray());
        const string Keys = "unnest($1::text[], $2::text[]) AS q(kind, id) JOIN verso.entities e ON e.kind = q.kind AND e.id = q.id";
        const string Keyframes = Keys + """

            JOIN verso.blobs h ON h.hash = e.head_hash
            JOIN verso.blobs k ON k.blob_pk = coalesce(h.base, h.blob_pk) AND k.base IS NULL
            """;
        batch.BatchCommands.Add(Statement(
            $"SELECT e.entity_pk, e.kind, e.id, e.head, e.head_hash FROM {Keys} ORDER BY e.kind, e.id FOR NO KEY UPDATE OF e;", kinds, ids));
        batch.BatchCommands.Add(Statement(
            $"""
            SELECT e.kind, e.id, v.version, v.hash, NULL, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
                   v.source, r.kind, r.removed_by, r.removed_at, r.reason
            FROM {Keys}
            JOIN verso.versions v ON v.entity_pk = e.entity_pk AND v.version = e.head
            LEFT JOIN verso.content_removals r ON r.entity_pk = v.entity_pk AND r.version = v.version;
            """,
            kinds.Clone(), ids.Clone()));
        batch.BatchCommands.Add(Statement(
            $"""
            SELECT e.kind, e.id, k.hash, m.version, pg_try_advisory_xact_lock_shared(('x' || encode(substring(k.hash from 1 for 8), 'hex'))::bit(64)::bigint)
            FROM {Keyframes}
            CROSS JOIN LATERAL (SELECT min(v.version) AS version FROM verso.versions v WHERE v.entity_pk = e.entity_pk AND v.hash = k.hash) m
            WHERE e.head > 0;
            """,
            kinds.Clone(), ids.Clone()));
        batch.BatchCommands.Add(Statement($"SELECT e.kind, e.id, k.content FROM {Keyframes} WHERE e.head > 0;", kinds.Clone(), ids.Clone()));
    }

    private static async Task ReadRunAsync(NpgsqlDataReader reader, PostgresTransactionAppends appends, Dictionary<EntityKey, RunHead> heads, CancellationToken cancellationToken)
    {
        var locked = new List<(EntityKey Key, long EntityPk, int Version, string Hash)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // A new entity's row holds an empty hash until its first version is written.
            var stored = reader.GetFieldValue<byte[]>(4);
            locked.Add((EntityKey.Create(reader.GetString(1), reader.GetString(2)), reader.GetInt64(0), reader.GetInt32(3), stored.Length == 0 ? "" : HashColumns.Hex(reader, 4)));
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var rows = new Dictionary<EntityKey, Snapshot>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = PostgresDialect.Instance.ReadSnapshot(reader);
            rows[row.Key] = row;
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var keyframes = new Dictionary<EntityKey, Keyframe>();
        var keyframeLocked = new HashSet<EntityKey>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = EntityKey.Create(reader.GetString(0), reader.GetString(1));
            var hash = HashColumns.Hex(reader, 2);
            // The keyframe must be a version of this entity; its first version may be one this transaction appended.
            var first = reader.IsDBNull(3) ? appends.VersionsOf(key).FirstOrDefault(v => v.Hash.Hex == hash)?.Version : reader.GetInt32(3);
            if (first is { } version)
            {
                keyframes[key] = new Keyframe(hash, version, null);
                if (reader.GetBoolean(4))
                {
                    keyframeLocked.Add(key);
                }
            }
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = EntityKey.Create(reader.GetString(0), reader.GetString(1));
            if (keyframeLocked.Contains(key))
            {
                keyframes[key] = keyframes[key] with { Stored = reader.GetFieldValue<byte[]>(2) };
            }
        }

        foreach (var (key, entityPk, version, hash) in locked)
        {
            heads[key] = new RunHead(entityPk, version, hash, rows.GetValueOrDefault(key), version > 0 ? keyframes.GetValueOrDefault(key) : null);
        }
    }
}
