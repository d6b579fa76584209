using Verso.Storage.Relational.Compression;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Storage.Relational.Hashes;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

// The appends of the store's kept write connection (SqliteWriter), transaction after transaction: each
// statement is prepared once for the connection and rebound per append. The session also remembers, per
// entity it appended to, the head it wrote and the keyframe its next delta goes on (SqliteHeadCache), so
// the next append of that entity reads neither: what a batch of one entity's history and a run of saves
// of one entity do again and again.
internal sealed class SqliteAppendSession(SqliteConnection connection) : IAsyncDisposable
{
    private readonly SqliteHeadCache _heads = new();
    private SqliteCommand? _dataVersion;
    private SqliteCommand? _readHead;
    private SqliteCommand? _readBase;
    private SqliteCommand? _insertBlob;
    private SqliteCommand? _insertEntity;
    private SqliteCommand? _writeVersion;
    private static readonly string CheckReference = ReferenceChecks.Select(SqliteDialect.Instance) + ";";

    private SqliteCommand? _checkReference;
    private SqliteCommand? _indexReference;

    public SqliteConnection Connection => connection;

    /// <summary>
    /// Called once the transaction holds the write lock: forgets the remembered heads when another connection
    /// (another process, or this one's tag, retention or gc connections) committed since this session's last look.
    /// </summary>
    public async Task BeganAsync(CancellationToken cancellationToken)
    {
        var command = Prepare(ref _dataVersion, "PRAGMA data_version;");
        _heads.Validate((long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!);
    }

    /// <summary>Appends one version inside the caller's transaction; the checks of the store contract, in order.</summary>
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        var known = _heads.Find(request.Key);
        var head = known?.Head ?? await ReadHeadAsync(request, cancellationToken).ConfigureAwait(false);
        var headVersion = head?.Version ?? 0;
        if (request.ExpectedVersion is { } expected && expected != headVersion)
        {
            throw new VersionConflictException(request.Key.Kind, request.Key.Id, expected, headVersion);
        }

        var hash = HashColumns.Bytes(request.Content.Hash);
        if (head is { } current && !request.Force && current.Hash.AsSpan().SequenceEqual(hash))
        {
            var unchanged = await SqliteVersionStore.GetVersionAsync(connection, request.Key, current.Version, cancellationToken).ConfigureAwait(false);
            return new AppendResult(AppendOutcome.Unchanged, unchanged!);
        }

        var targets = await CheckReferencesAsync(request, cancellationToken).ConfigureAwait(false);
        var version = headVersion + 1;
        var savedAt = SqliteDialect.ToMicroseconds(request.SavedAt);
        var encoded = await EncodeAsync(request, hash, head, known?.Keyframe, version, cancellationToken).ConfigureAwait(false);
        SqliteKeyframe? nextKeyframe = null;
        if (encoded is { } stored)
        {
            // A content whose blob is there already inserts nothing and returns no row (see EncodeAsync).
            var blob = Prepare(
                ref _insertBlob,
                "INSERT INTO blobs (hash, content, size, base) VALUES ($hash, $content, $size, $base) ON CONFLICT (hash) DO NOTHING RETURNING blob_pk;",
                "$hash", "$content", "$size", "$base");
            blob.Parameters[0].Value = hash;
            blob.Parameters[1].SqliteType = SqliteType.Blob;
            blob.Parameters[1].Value = stored.Stored;
            blob.Parameters[2].Value = request.Content.Length;
            blob.Parameters[3].Value = (object?)stored.Base?.BlobPk ?? DBNull.Value;
            if (await blob.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long blobPk)
            {
                // A delta's successor goes on the same keyframe; a content stored whole is the next keyframe.
                nextKeyframe = stored.Base ?? new SqliteKeyframe(blobPk, request.Content.Hash.Hex, stored.Stored, version);
            }
        }

        var entityPk = head?.EntityPk ?? await InsertEntityAsync(request, savedAt, cancellationToken).ConfigureAwait(false);
        var snapshot = Chained(request, version, SqliteDialect.FromMicroseconds(savedAt), head?.Chain);
        var write = Prepare(
            ref _writeVersion,
            """
            UPDATE entities SET head = $version, head_hash = $hash, head_saved_at = $saved_at WHERE entity_pk = $entity;
            INSERT INTO versions (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, seq)
            VALUES ($entity, $version, $hash, $saved_by, $saved_at, $message, $operation, $schema_version, $revert_of, $chain_hash, $source,
                    (SELECT coalesce(max(seq), 0) + 1 FROM versions));
            """,
            "$entity", "$version", "$hash", "$saved_by", "$saved_at", "$message", "$operation", "$schema_version", "$revert_of", "$chain_hash", "$source");
        var values = write.Parameters;
        values[0].Value = entityPk;
        values[1].Value = version;
        values[2].Value = hash;
        values[3].Value = request.SavedBy;
        values[4].Value = savedAt;
        values[5].Value = (object?)request.Message ?? DBNull.Value;
        values[6].Value = request.Operation.ToName();
        values[7].Value = request.SchemaVersion;
        values[8].Value = (object?)request.RevertOf ?? DBNull.Value;
        values[9].Value = HashColumns.Bytes(snapshot.ChainHash!.Value);
        values[10].Value = (object?)request.Source?.ToJson() ?? DBNull.Value;
        await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        // A content whose blob was there already leaves its keyframe unknown: the next append looks it up.
        _heads.Remember(request.Key, new SqliteHead((entityPk, version, hash, snapshot.ChainHash!.Value.Hex), nextKeyframe));

        foreach (var (targetPk, targetVersion) in targets.Distinct())
        {
            var index = Prepare(
                ref _indexReference,
                "INSERT INTO version_refs (target_pk, target_version, entity_pk, version) VALUES ($target, $target_version, $entity, $version);",
                "$target", "$target_version", "$entity", "$version");
            (index.Parameters[0].Value, index.Parameters[1].Value, index.Parameters[2].Value, index.Parameters[3].Value) = (targetPk, targetVersion, entityPk, version);
            await index.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new AppendResult(AppendOutcome.Created, snapshot);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _dataVersion, _readHead, _readBase, _insertBlob, _insertEntity, _writeVersion, _checkReference, _indexReference })
        {
            if (command is not null)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<(long EntityPk, int Version, byte[] Hash, string? Chain)?> ReadHeadAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        var command = Prepare(
            ref _readHead,
            """
            SELECT e.entity_pk, e.head, e.head_hash, v.chain_hash
            FROM entities e LEFT JOIN versions v ON v.entity_pk = e.entity_pk AND v.version = e.head
            WHERE e.kind = $kind AND e.id = $id;
            """,
            "$kind", "$id");
        (command.Parameters[0].Value, command.Parameters[1].Value) = (request.Key.Kind, request.Key.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<byte[]>(2), reader.IsDBNull(3) ? null : HashColumns.Hex(reader, 3))
            : null;
    }

    // The bytes to store for the new content, or null when its blob is already there (content-addressed:
    // a revert, or a content another entity saved). With a head, the content is tried as a delta against
    // the head's keyframe (the head itself, or the head's base): two index lookups, whatever the history's
    // length, or none when this session wrote the head and remembers its keyframe. With a remembered keyframe
    // the blob's presence is not looked up: a changed content is almost always new, and the insert that
    // follows does nothing on the hash of one that is not (one statement fewer per save; only that rare
    // save encodes in vain). The keyframe must be a version of this entity, which retention relies on to find
    // the deltas built on a blob (see SqliteVersionStore.Retention).
    private async Task<(byte[] Stored, SqliteKeyframe? Base)?> EncodeAsync(
        AppendRequest request, byte[] hash, (long EntityPk, int Version, byte[] Hash, string? Chain)? head, SqliteKeyframe? keyframe, int version,
        CancellationToken cancellationToken)
    {
        if (keyframe is null)
        {
            var found = await FindKeyframeAsync(hash, head, cancellationToken).ConfigureAwait(false);
            if (found.Exists)
            {
                return null;
            }

            keyframe = found.Keyframe;
        }

        var content = request.Content.Utf8.Span;
        if (keyframe is { } on
            && StoredContent.EncodeDelta(content, on.HashHex, on.Stored) is { } delta
            && StoredContent.KeepsDelta(delta.Length, on.Stored.Length, version - on.Version))
        {
            return (delta, on);
        }

        return (StoredContent.Encode(content), null);
    }

    // Whether the new content's blob exists, and the head's keyframe when it is a version of this entity.
    private async Task<(bool Exists, SqliteKeyframe? Keyframe)> FindKeyframeAsync(
        byte[] hash, (long EntityPk, int Version, byte[] Hash, string? Chain)? head, CancellationToken cancellationToken)
    {
        var command = Prepare(
            ref _readBase,
            """
            SELECT EXISTS (SELECT 1 FROM blobs WHERE hash = $new), k.hash, k.content,
                   (SELECT min(v.version) FROM versions v WHERE v.entity_pk = $entity AND v.hash = k.hash), k.blob_pk
            FROM (SELECT 1) LEFT JOIN blobs h ON h.hash = $head LEFT JOIN blobs k ON k.blob_pk = coalesce(h.base, h.blob_pk) AND k.base IS NULL;
            """,
            "$new", "$entity", "$head");
        (command.Parameters[0].Value, command.Parameters[1].Value, command.Parameters[2].Value) =
            (hash, head?.EntityPk ?? 0, (object?)head?.Hash ?? DBNull.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (reader.GetBoolean(0))
        {
            return (true, null);
        }

        return reader.IsDBNull(1) || reader.IsDBNull(3)
            ? (false, null)
            : (false, new SqliteKeyframe(reader.GetInt64(4), HashColumns.Hex(reader, 1), reader.GetFieldValue<byte[]>(2), reader.GetInt32(3)));
    }

    private async Task<long> InsertEntityAsync(AppendRequest request, long savedAt, CancellationToken cancellationToken)
    {
        var command = Prepare(
            ref _insertEntity,
            "INSERT INTO entities (kind, id, head, head_hash, head_saved_at) VALUES ($kind, $id, 0, $hash, $saved_at) RETURNING entity_pk;",
            "$kind", "$id", "$hash", "$saved_at");
        (command.Parameters[0].Value, command.Parameters[1].Value, command.Parameters[2].Value, command.Parameters[3].Value) =
            (request.Key.Kind, request.Key.Id, HashColumns.Bytes(request.Content.Hash), savedAt);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // Every pinned version must exist with the pinned hash, checked inside this transaction.
    private async Task<List<(long TargetPk, int TargetVersion)>> CheckReferencesAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        var targets = new List<(long, int)>();
        foreach (var reference in request.References)
        {
            var command = Prepare(ref _checkReference, CheckReference, "$kind", "$id", "$version");
            (command.Parameters[0].Value, command.Parameters[1].Value, command.Parameters[2].Value) = (reference.Key.Kind, reference.Key.Id, reference.Version);
            targets.Add(await ReferenceChecks.CheckAsync(reference, command, cancellationToken).ConfigureAwait(false));
        }

        return targets;
    }

    private SqliteCommand Prepare(ref SqliteCommand? command, string sql, params string[] parameters)
    {
        if (command is null)
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }
        }

        // The connection's current transaction: a session outlives none, but Microsoft.Data.Sqlite checks.
        command.Transaction = Transaction;
        return command;
    }

    public SqliteTransaction? Transaction { get; set; }

    // The new version as stored, linked to its predecessor's chain hash.
    private static Snapshot Chained(AppendRequest request, int version, DateTimeOffset savedAt, string? previousChain)
    {
        var snapshot = new Snapshot(
            request.Key, version, request.Content.Hash, request.Content.Utf8, request.SavedBy,
            savedAt, request.Message, request.Operation, request.SchemaVersion)
        {
            RevertOf = request.RevertOf,
            Source = request.Source,
        };
        var previous = previousChain is null ? (ContentHash?)null : ContentHash.FromHex(previousChain);
        return snapshot with { ChainHash = ChainHash.Compute(previous, snapshot) };
    }
}
