using Npgsql;
using NpgsqlTypes;
using Verso.Documents.Hashing;
using Verso.Errors;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Hashes;

namespace Verso.Postgres;

// One caller's batch (import, SaveBatchAsync, the scale fill) in a few round trips instead of one or two per version:
// the heads of a run of requests on distinct entities locked in one statement (in key order), with their head rows,
// keyframes and pinned versions read in the same round trip; missing entities created in one more; then the blobs and
// heads of the whole run written with array parameters, riding in the next round trip, and the version rows in the
// transaction's last (see PostgresTransactionAppends). Results, conflicts and refusals are those of appending one by
// one: each request sees the ones before it.
public sealed partial class PostgresVersionStore
{
    // The head row, its version row (without content) and keyframe of one entity of a run, as locked.
    private sealed record RunHead(long EntityPk, int Version, string Hash, Snapshot? Row, Keyframe? Keyframe);

    internal static async Task<IReadOnlyList<AppendResult>> AppendManyInTransactionAsync(
        NpgsqlConnection connection, IReadOnlyList<AppendRequest> requests, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        var results = new List<AppendResult>(requests.Count);
        if (appends.TryStartKeyLookups())
        {
            // Every statement of a run finds rows by key. Given a thousand keys in an array, the planner may choose to hash
            // or merge whole tables (blobs, entities) instead of probing their indexes a thousand times, which costs in
            // proportion to the store, not the batch; for this transaction only, it probes.
            appends.EarlyWrites.Add(KeyLookups());
        }

        for (var start = 0; start < requests.Count;)
        {
            // A run of distinct entities: a request on an entity already in the run starts the next one, which then reads the
            // head and keyframe the run before it wrote (its blobs are in the table by then; its versions are in appends).
            var keys = new HashSet<EntityKey>();
            var end = start;
            while (end < requests.Count && keys.Add(requests[end].Key))
            {
                end++;
            }

            var run = requests.Skip(start).Take(end - start).ToList();
            results.AddRange(await AppendRunAsync(connection, run, appends, cancellationToken).ConfigureAwait(false));
            start = end;
        }

        return results;
    }

    private static async Task<List<AppendResult>> AppendRunAsync(
        NpgsqlConnection connection, List<AppendRequest> run, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        // Pins of this transaction's own versions are not in the table: their read finds nothing, and CheckPin answers them.
        var pins = run.SelectMany(r => r.References).Distinct().ToList();
        var (heads, pinned) = await LockRunAsync(connection, run, pins, appends, cancellationToken).ConfigureAwait(false);
        var results = new List<AppendResult>(run.Count);
        var writes = new RunWrites();
        foreach (var request in run)
        {
            var head = heads[request.Key];
            if (request.ExpectedVersion is { } expected && expected != head.Version)
            {
                throw new VersionConflictException(request.Key.Kind, request.Key.Id, expected, head.Version);
            }

            var earlier = appends.VersionsOf(request.Key);
            if (head.Version > 0 && !request.Force && head.Hash == request.Content.Hash.Hex)
            {
                var unchanged = earlier.Count > 0 ? earlier[^1]
                    : head.Row is { HasContent: true } row ? WithContent(row, request.Content.Utf8)
                    : await GetVersionAsync(connection, request.Key, head.Version, cancellationToken).ConfigureAwait(false);
                results.Add(new AppendResult(AppendOutcome.Unchanged, unchanged!));
                continue;
            }

            var targets = request.References.Select(pin => CheckPin(pin, appends, pinned)).ToList();
            var version = head.Version + 1;
            var previous = earlier.Count > 0 ? earlier[^1].ChainHash : head.Row?.ChainHash;
            var snapshot = NewVersion(request, version, previous);
            var encoded = Encode(request, head.Version > 0 ? head.Keyframe : null, version);
            writes.Add(head.EntityPk, snapshot, request.Content.Length, encoded.Stored, encoded.Base);
            appends.Add(head.EntityPk, snapshot, targets);
            appends.KeyframeAfter(request.Key, encoded.Base ?? request.Content.Hash.Hex, encoded.Base is null ? version : head.Keyframe!.Version, encoded.Base is null ? encoded.Stored : head.Keyframe!.Stored, held: encoded.Base is not null);
            results.Add(new AppendResult(AppendOutcome.Created, snapshot));
        }

        writes.AddTo(appends.EarlyWrites);
        return results;
    }

    // A pin of a version this transaction appended is checked against it; any other against the row read with the locks.
    private static (long TargetPk, int TargetVersion) CheckPin(
        PinnedRef pin, PostgresTransactionAppends appends, Dictionary<(EntityKey, int), (long EntityPk, string Hash)> pinned)
    {
        if (appends.EntityPkOf(pin.Key) is { } ownPk && appends.VersionsOf(pin.Key).FirstOrDefault(v => v.Version == pin.Version) is { } own)
        {
            return own.Hash == pin.Hash ? (ownPk, pin.Version) : throw new InvalidReferenceException(pin, $"that version's hash is {own.Hash}");
        }

        if (!pinned.TryGetValue((pin.Key, pin.Version), out var row))
        {
            throw new InvalidReferenceException(pin, "no such version");
        }

        return row.Hash == pin.Hash.Hex ? (row.EntityPk, pin.Version) : throw new InvalidReferenceException(pin, $"that version's hash is sha256:{row.Hash}");
    }

    private static NpgsqlBatchCommand KeyLookups() => Statement("SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true);");

    private static Snapshot WithContent(Snapshot row, ReadOnlyMemory<byte> content) =>
        new(row.Key, row.Version, row.Hash, content, row.SavedBy, row.SavedAt, row.Message, row.Operation, row.SchemaVersion)
        {
            RevertOf = row.RevertOf,
            ChainHash = row.ChainHash,
            Source = row.Source,
        };

    // The blobs and heads of a run, as three statements with array parameters.
    private sealed class RunWrites
    {
        private readonly List<long> _entityPks = [];
        private readonly List<int> _versions = [];
        private readonly List<DateTime> _savedAt = [];
        private readonly List<byte[]> _heads = [];
        private readonly Dictionary<string, (byte[] Hash, byte[] Stored, int Size, byte[]? Base)> _blobs = [];

        public void Add(long entityPk, Snapshot snapshot, int size, byte[] stored, string? baseHash)
        {
            var hash = HashColumns.Bytes(snapshot.Hash);
            _entityPks.Add(entityPk);
            _versions.Add(snapshot.Version);
            _savedAt.Add(snapshot.SavedAt.UtcDateTime);
            _heads.Add(hash);
            // The first of equal contents is the one stored, as one by one (the next would find it there).
            _blobs.TryAdd(snapshot.Hash.Hex, (hash, stored, size, baseHash is null ? null : HashColumns.Bytes(baseHash)));
        }

        public void AddTo(List<NpgsqlBatchCommand> writes)
        {
            if (_entityPks.Count == 0)
            {
                return;
            }

            var blobs = _blobs.Values.ToList();
            // Held until commit, so a prune or erase cannot delete a blob between our insert and our version row. In
            // key order, as one by one would take them in no order; shared locks never wait for each other.
            var lockKeys = _blobs.Keys.Select(hex => BlobLockKey(ContentHash.FromHex(hex))).Distinct().Order().ToArray();
            writes.Add(Statement("SELECT pg_advisory_xact_lock_shared(k) FROM unnest($1::bigint[]) AS k;", Array(NpgsqlDbType.Bigint, lockKeys)));
            writes.Add(Statement(
                """
                INSERT INTO verso.blobs (hash, content, size, base)
                SELECT u.hash, u.content, u.size, k.blob_pk FROM unnest($1::bytea[], $2::bytea[], $3::integer[], $4::bytea[]) AS u(hash, content, size, base)
                LEFT JOIN verso.blobs k ON k.hash = u.base
                ON CONFLICT (hash) DO NOTHING;
                """,
                Array(NpgsqlDbType.Bytea, blobs.Select(b => b.Hash).ToArray()),
                Array(NpgsqlDbType.Bytea, blobs.Select(b => b.Stored).ToArray()),
                Array(NpgsqlDbType.Integer, blobs.Select(b => b.Size).ToArray()),
                Array(NpgsqlDbType.Bytea, blobs.Select(b => b.Base).ToArray())));
            writes.Add(Statement(
                """
                UPDATE verso.entities e SET head = u.head, head_hash = u.hash, head_saved_at = u.saved_at
                FROM unnest($1::bigint[], $2::integer[], $3::bytea[], $4::timestamptz[]) AS u(entity_pk, head, hash, saved_at)
                WHERE e.entity_pk = u.entity_pk;
                """,
                Array(NpgsqlDbType.Bigint, _entityPks.ToArray()),
                Array(NpgsqlDbType.Integer, _versions.ToArray()),
                Array(NpgsqlDbType.Bytea, _heads.ToArray()),
                Array(NpgsqlDbType.TimestampTz, _savedAt.ToArray())));
        }
    }

    private static NpgsqlBatchCommand Statement(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Array<T>(NpgsqlDbType type, T[] values) => new() { NpgsqlDbType = NpgsqlDbType.Array | type, Value = values };
}
