using Npgsql;
using NpgsqlTypes;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage.Relational.Hashes;

namespace Verso.Postgres;

// What one appending transaction has done and not yet sent. Blobs and entity heads go early (with the next head
// lock's round trip); version rows, their references and their notices wait for the last round trip, where the
// change sequence's lock is taken, so that lock is held only for that round trip and the commit. Until then the
// database does not hold this transaction's version rows, so what a later append of the same entity needs of
// them (chain hash, the version itself, whether a version holds a keyframe) is kept here.
internal sealed class PostgresTransactionAppends
{
    private readonly Dictionary<EntityKey, Appended> _entities = [];

    private readonly List<Snapshot> _versions = [];

    private readonly List<long> _entityPks = [];

    private readonly List<(long TargetPk, int TargetVersion, long EntityPk, int Version)> _references = [];

    // Per entity appended, the keyframe its next delta may go on once this transaction committed (null: unknown).
    private readonly Dictionary<EntityKey, (string Hash, int Version, byte[]? Stored)?> _keyframes = [];

    // Per entity whose last version here is a delta: the keyframe it is on, found whole under its blob lock (held to commit).
    private readonly Dictionary<EntityKey, (string Hash, int Version, byte[] Stored)> _held = [];

    /// <summary>Statements to send before anything else of the next round trip: blob locks, blobs, entity heads.</summary>
    public List<NpgsqlBatchCommand> EarlyWrites { get; } = [];

    private bool _keyLookups;

    /// <summary>True the first time only: the caller then sets the transaction's planner to look rows up by key.</summary>
    public bool TryStartKeyLookups() => !_keyLookups && (_keyLookups = true);

    /// <summary>The versions of <paramref name="key"/> this transaction appended, in order; empty when none.</summary>
    public IReadOnlyList<Snapshot> VersionsOf(EntityKey key) => _entities.TryGetValue(key, out var appended) ? appended.Versions : [];

    /// <summary>The entity row of <paramref name="key"/>, when this transaction appended to it.</summary>
    public long? EntityPkOf(EntityKey key) => _entities.TryGetValue(key, out var appended) ? appended.EntityPk : null;

    /// <summary>Keeps <paramref name="snapshot"/> (with its chain hash) to be written at the end, with its pins.</summary>
    public void Add(long entityPk, Snapshot snapshot, IEnumerable<(long TargetPk, int TargetVersion)> targets)
    {
        if (!_entities.TryGetValue(snapshot.Key, out var appended))
        {
            _entities[snapshot.Key] = appended = new Appended(entityPk, []);
        }

        appended.Versions.Add(snapshot);
        _versions.Add(snapshot);
        _entityPks.Add(entityPk);
        foreach (var (targetPk, targetVersion) in targets.Distinct())
        {
            _references.Add((targetPk, targetVersion, entityPk, snapshot.Version));
        }
    }

    /// <summary>
    /// After <paramref name="key"/>'s latest append here: the keyframe a later delta may go on, its hash, the entity's
    /// version holding it and its stored bytes; the one it was stored on when it is a delta, else its own content.
    /// </summary>
    public void KeyframeAfter(EntityKey key, string hash, int version, byte[]? stored, bool held)
    {
        _keyframes[key] = (hash, version, stored);
        if (held && stored is not null)
        {
            _held[key] = (hash, version, stored);
        }
        else
        {
            _held.Remove(key);
        }
    }

    /// <summary>
    /// The head this transaction left <paramref name="key"/> at, with the keyframe its last version was a delta on: that
    /// keyframe was found whole under its blob lock, which is held until the commit, so a later append of the entity here
    /// may build on it without reading. Null when the entity has no version here, or its last one was stored whole (its
    /// blob may be another transaction's equal content stored as a delta, so the table must say what it is).
    /// </summary>
    public PostgresVersionStore.LockedHead? HeadAfter(EntityKey key) =>
        _entities.TryGetValue(key, out var appended) && _held.TryGetValue(key, out var keyframe)
            ? new PostgresVersionStore.LockedHead(
                appended.EntityPk, appended.Versions[^1].Version, appended.Versions[^1].Hash.Hex, appended.Versions[^1].ChainHash!.Value.Hex,
                new PostgresVersionStore.Keyframe(keyframe.Hash, keyframe.Version, keyframe.Stored))
            : null;

    /// <summary>Each entity this transaction appended to: its row, its last version and the keyframe a later delta may go on.</summary>
    public IEnumerable<(EntityKey Key, long EntityPk, Snapshot Last, (string Hash, int Version, byte[]? Stored)? Keyframe)> Heads() =>
        _entities.Select(e => (e.Key, e.Value.EntityPk, e.Value.Versions[^1], _keyframes.GetValueOrDefault(e.Key)));

    /// <summary>
    /// Adds the last round trip's statements to <paramref name="batch"/>: the early writes still unsent, then the change
    /// sequence's lock and, under it, every version row (numbered max(seq)+1… in append order), their pins and notices.
    /// </summary>
    public void AddLastWrites(NpgsqlBatch batch)
    {
        foreach (var write in EarlyWrites)
        {
            batch.BatchCommands.Add(write);
        }

        EarlyWrites.Clear();
        if (_versions.Count == 0)
        {
            return;
        }

        batch.BatchCommands.Add(Statement("SELECT pg_advisory_xact_lock($1);", Value(PostgresVersionStore.ChangeSequenceLockKey)));
        // One statement whatever the number of versions: read committed, so max(seq) taken after the lock sees every
        // version committed by an earlier holder, and no later holder can commit before this transaction does.
        batch.BatchCommands.Add(Statement(
            """
            INSERT INTO verso.versions (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, seq)
            SELECT u.entity_pk, u.version, u.hash, u.saved_by, u.saved_at, u.message, u.operation, u.schema_version, u.revert_of, u.chain_hash, u.source, m.top + u.n
            FROM unnest($1::bigint[], $2::integer[], $3::bytea[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::integer[], $9::integer[], $10::bytea[], $11::text[])
                 WITH ORDINALITY AS u(entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, n)
            CROSS JOIN (SELECT coalesce(max(seq), 0) AS top FROM verso.versions) m;
            """,
            Array(NpgsqlDbType.Bigint, _entityPks.ToArray()),
            Array(NpgsqlDbType.Integer, _versions.Select(v => v.Version).ToArray()),
            Array(NpgsqlDbType.Bytea, _versions.Select(v => HashColumns.Bytes(v.Hash)).ToArray()),
            Array(NpgsqlDbType.Text, _versions.Select(v => v.SavedBy).ToArray()),
            Array(NpgsqlDbType.TimestampTz, _versions.Select(v => v.SavedAt.UtcDateTime).ToArray()),
            Array(NpgsqlDbType.Text, _versions.Select(v => v.Message).ToArray()),
            Array(NpgsqlDbType.Text, _versions.Select(v => v.Operation.ToName()).ToArray()),
            Array(NpgsqlDbType.Integer, _versions.Select(v => v.SchemaVersion).ToArray()),
            Array(NpgsqlDbType.Integer, _versions.Select(v => v.RevertOf).ToArray()),
            Array(NpgsqlDbType.Bytea, _versions.Select(v => HashColumns.Bytes(v.ChainHash!.Value)).ToArray()),
            Array(NpgsqlDbType.Text, _versions.Select(v => v.Source?.ToJson()).ToArray())));
        if (_references.Count > 0)
        {
            // After the version rows: a pin's row names its version by foreign key.
            batch.BatchCommands.Add(Statement(
                "INSERT INTO verso.version_refs (target_pk, target_version, entity_pk, version) SELECT * FROM unnest($1::bigint[], $2::integer[], $3::bigint[], $4::integer[]);",
                Array(NpgsqlDbType.Bigint, _references.Select(r => r.TargetPk).ToArray()),
                Array(NpgsqlDbType.Integer, _references.Select(r => r.TargetVersion).ToArray()),
                Array(NpgsqlDbType.Bigint, _references.Select(r => r.EntityPk).ToArray()),
                Array(NpgsqlDbType.Integer, _references.Select(r => r.Version).ToArray())));
        }

        // Delivered to listeners when, and only if, the transaction commits; in append order.
        batch.BatchCommands.Add(Statement(
            "SELECT pg_notify('" + PostgresChangeFeed.Channel + "', n) FROM unnest($1::text[]) AS n;",
            Array(NpgsqlDbType.Text, _versions.Select(v => $"{VersionRef.ForVersion(v.Key, v.Version)} {v.Hash}").ToArray())));
    }

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Value(object value) => new() { Value = value };

    private static NpgsqlParameter Array<T>(NpgsqlDbType type, T[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };

    private sealed record Appended(long EntityPk, List<Snapshot> Versions);
}
