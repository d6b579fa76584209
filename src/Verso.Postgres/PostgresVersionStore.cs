using Verso.Storage.Relational.Hashes;
using Verso.Storage.Relational.Compression;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

/// <summary>
/// The server store: PostgreSQL through a pooled Npgsql data source. Appends run in one transaction that
/// locks each entity's head row (<c>SELECT … FOR NO KEY UPDATE</c>), so writers of one entity queue and each
/// reads the head it appends to, and takes the change sequence's lock only for its last round trip and its
/// commit; writers in one process share transactions (group commit). A lone save of an entity this object
/// appended to before is one statement outside any transaction, from the head it remembers and verifies. An
/// unchanged save is answered from a read, never waiting for a writer.
/// Create one per database and share it.
/// </summary>
public sealed partial class PostgresVersionStore : IVersionStore, IAsyncDisposable
{
    private readonly PostgresConnections _connections;

    private readonly GroupCommit _groupCommit;

    /// <summary>Creates a store over <c>postgres://user:pass@host:port/db</c> or an Npgsql connection string.</summary>
    /// <exception cref="FormatException">The URI is malformed.</exception>
    public PostgresVersionStore(string uriOrConnectionString)
    {
        _connections = new PostgresConnections(uriOrConnectionString);
        // One appending transaction at a time per store object: writers in this process share it (and its
        // sync); transactions of other processes run beside it, and queue on the change sequence's lock only
        // for their last round trip and their commit.
        _groupCommit = new GroupCommit((_, cancellation) => PostgresGroupTransaction.BeginAsync(this, _connections, cancellation), new SemaphoreSlim(1, 1));
    }

    /// <summary>Where the store is: <c>host:port/db</c>.</summary>
    public string Where => _connections.Where;

    /// <inheritdoc />
    public Task<SchemaUpgrade> InitializeAsync(CancellationToken cancellationToken = default) =>
        _connections.RunUncheckedAsync(connection => PostgresSchema.MigrateAsync(connection, cancellationToken), cancellationToken);


    /// <inheritdoc />
    public Task<Snapshot?> GetLatestAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(
            async connection => (await QueryAsync(connection, " WHERE e.kind = $1 AND e.id = $2 AND v.version = e.head;", [key.Kind, key.Id], cancellationToken)
                .ConfigureAwait(false)).SingleOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<Snapshot?> GetVersionAsync(EntityKey key, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(connection => GetVersionAsync(connection, key, version, cancellationToken), cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Snapshot>> FindByHashAsync(EntityKey key, ContentHashPrefix prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync<IReadOnlyList<Snapshot>>(
            async connection => await QueryAsync(connection, FindByHashWhere, [key.Kind, key.Id, HashColumns.Range(prefix).Low, HashColumns.Range(prefix).High, limit], cancellationToken).ConfigureAwait(false),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountVersionsAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, "SELECT head FROM verso.entities WHERE kind = $1 AND id = $2;", key.Kind, key.Id);
                return (int?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EntityHead> ListEntitiesAsync(
        string kind,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var heads = await _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, "SELECT id, head, head_hash, head_saved_at FROM verso.entities WHERE kind = $1 AND head > 0 ORDER BY id;", kind);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                var list = new List<EntityHead>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new EntityHead(
                        EntityKey.Create(kind, reader.GetString(0)),
                        reader.GetInt32(1),
                        HashColumns.Read(reader, 2),
                        new DateTimeOffset(reader.GetFieldValue<DateTime>(3), TimeSpan.Zero)));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var head in heads)
        {
            yield return head;
        }
    }

    /// <inheritdoc />
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) =>
        _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, """
                    SELECT (SELECT count(*) FROM verso.entities WHERE head > 0), (SELECT count(*) FROM verso.versions),
                           (SELECT count(*) FROM verso.blobs), (SELECT coalesce(sum(coalesce(size, octet_length(content))), 0)::bigint FROM verso.blobs);
                    """);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new StoreStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            },
            cancellationToken);

    /// <summary>Closes the pooled connections.</summary>
    public ValueTask DisposeAsync() => _connections.DisposeAsync();

    // One append inside the caller's transaction (the group commit's). Its blob and head writes are not sent here but
    // left in the transaction's early writes, for the next append's head lock round trip or the last round trip; the
    // early writes left by the append before are sent first thing here, so this append reads the head they moved. Its
    // version row waits in the transaction's appends for the last round trip (see PostgresTransactionAppends).
    // known: the head as this transaction already holds it, locked and verified (in the group's first round trip, see
    // PostgresVersionStore.GroupHeads, or left by the entity's append before in the transaction, see
    // PostgresTransactionAppends.HeadAfter); this append's own round trip of head lock and reads is then skipped.
    internal static async Task<AppendResult> AppendInTransactionAsync(
        NpgsqlConnection connection, AppendRequest request, PostgresTransactionAppends appends, LockedHead? known, CancellationToken cancellationToken)
    {
        var head = known ?? await LockHeadAsync(connection, request, appends, cancellationToken).ConfigureAwait(false);
        var headVersion = head.Version;
        if (request.ExpectedVersion is { } expected && expected != headVersion)
        {
            throw new VersionConflictException(request.Key.Kind, request.Key.Id, expected, headVersion);
        }

        var earlier = appends.VersionsOf(request.Key);
        if (headVersion > 0 && !request.Force && head.Hash == request.Content.Hash.Hex)
        {
            var unchanged = earlier.Count > 0 ? earlier[^1] : await GetVersionAsync(connection, request.Key, headVersion, cancellationToken).ConfigureAwait(false);
            return new AppendResult(AppendOutcome.Unchanged, unchanged!);
        }

        var targets = await CheckReferencesAsync(connection, request.References, appends, cancellationToken).ConfigureAwait(false);
        var version = headVersion + 1;
        var snapshot = NewVersion(request, version, head.Chain is null ? null : ContentHash.FromHex(head.Chain));
        var savedAt = snapshot.SavedAt.UtcDateTime;
        var contentHash = HashColumns.Bytes(request.Content.Hash);
        var encoded = Encode(request, head.Keyframe, version);
        var writes = appends.EarlyWrites;
        // Held until commit, so a prune or erase cannot delete this blob between our insert and our version row.
        writes.Add(BatchCommand("SELECT pg_advisory_xact_lock_shared($1);", BlobLockKey(request.Content.Hash)));
        writes.Add(BatchCommand(
            """
            INSERT INTO verso.blobs (hash, content, size, base) VALUES ($1, $2, $3, (SELECT k.blob_pk FROM verso.blobs k WHERE k.hash = $4))
            ON CONFLICT (hash) DO NOTHING;
            """,
            contentHash,
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = encoded.Stored },
            request.Content.Length,
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = encoded.Base is null ? DBNull.Value : HashColumns.Bytes(encoded.Base) }));
        writes.Add(BatchCommand(
            "UPDATE verso.entities SET head = $1, head_hash = $2, head_saved_at = $3 WHERE entity_pk = $4;",
            version, contentHash, savedAt, head.EntityPk));
        appends.Add(head.EntityPk, snapshot, targets);
        appends.KeyframeAfter(request.Key, encoded.Base ?? request.Content.Hash.Hex, encoded.Base is null ? version : head.Keyframe!.Version, encoded.Base is null ? encoded.Stored : head.Keyframe!.Stored, held: encoded.Base is not null);
        return new AppendResult(AppendOutcome.Created, snapshot);
    }

    // Locks the entity's head row for this transaction, creating the row (head 0) for a new entity. The same round
    // trip reads the head's chain hash and its keyframe (see Encode): one round trip where it took three. No store-wide
    // lock is held yet, so two transactions may lock heads in opposite orders; PostgreSQL then aborts one (deadlock),
    // and its group runs again (see CommitAsync). NO KEY UPDATE: exclusive among appends, prunes and tag moves, yet a
    // pin's foreign-key check (KEY SHARE) on this row passes, so pinning a version never waits for its entity's writer.
    private static async Task<LockedHead> LockHeadAsync(
        NpgsqlConnection connection, AppendRequest request, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        var pendingWrites = appends.EarlyWrites;
        for (var attempt = 0; ; attempt++)
        {
            LockedHead? locked = null;
            await using (var batch = new NpgsqlBatch(connection))
            {
                // The previous append's writes, in order and before anything of this one's is read. The reader
                // passes over the statements that return no rows, so only their SELECTs (the locks) are skipped.
                var skip = 0;
                foreach (var write in pendingWrites)
                {
                    batch.BatchCommands.Add(write);
                    skip += write.CommandText.StartsWith("SELECT", StringComparison.Ordinal) ? 1 : 0;
                }

                pendingWrites.Clear();
                batch.BatchCommands.Add(BatchCommand(
                    "SELECT e.entity_pk, e.head, e.head_hash FROM verso.entities e WHERE e.kind = $1 AND e.id = $2 FOR NO KEY UPDATE OF e;", request.Key.Kind, request.Key.Id));
                // Statements of their own, so snapshots of their own: after waiting for the lock, the head row is
                // re-read at its newest version, but a subquery in the locking statement would still see the
                // snapshot taken before the wait, and miss the version the previous lock holder just wrote.
                batch.BatchCommands.Add(BatchCommand(
                    """
                    SELECT v.chain_hash FROM verso.entities e JOIN verso.versions v ON v.entity_pk = e.entity_pk AND v.version = e.head
                    WHERE e.kind = $1 AND e.id = $2;
                    """,
                    request.Key.Kind,
                    request.Key.Id));
                AddKeyframeReads(batch, request.Key);
                await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                for (; skip > 0; skip--)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    // A new entity's row holds an empty hash until its first version is written.
                    var stored = reader.GetFieldValue<byte[]>(2);
                    var (entityPk, version, hash) = (reader.GetInt64(0), reader.GetInt32(1), stored.Length == 0 ? "" : HashColumns.Hex(reader, 2));
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    var chain = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && !reader.IsDBNull(0) ? HashColumns.Hex(reader, 0) : null;
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                    var earlier = appends.VersionsOf(request.Key);
                    var keyframe = await ReadKeyframeAsync(reader, earlier, cancellationToken).ConfigureAwait(false);
                    // This transaction's own versions are not in the table yet: the newest of them is the head.
                    chain = earlier.Count > 0 ? earlier[^1].ChainHash!.Value.Hex : chain;
                    locked = new LockedHead(entityPk, version, hash, chain, version > 0 ? keyframe : null);
                }
            }

            if (locked is { } head)
            {
                return head;
            }

            if (attempt > 0)
            {
                throw new InvalidOperationException($"the head row of {request.Key} vanished while appending");
            }

            // A concurrent first append of the same entity makes this wait on the unique index, then do nothing.
            await using var insert = Command(
                connection,
                "INSERT INTO verso.entities (kind, id, head, head_hash, head_saved_at) VALUES ($1, $2, 0, ''::bytea, $3) ON CONFLICT (kind, id) DO NOTHING;",
                request.Key.Kind, request.Key.Id, request.SavedAt.UtcDateTime);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // The version an append creates (locked, batched or lone), stored to the microsecond: the chain is computed over what
    // will be read back.
    private static Snapshot NewVersion(AppendRequest request, int version, ContentHash? previousChain)
    {
        var savedAt = new DateTimeOffset(request.SavedAt.UtcTicks - (request.SavedAt.UtcTicks % 10), TimeSpan.Zero);
        var stored = new Snapshot(
            request.Key, version, request.Content.Hash, request.Content.Utf8, request.SavedBy,
            savedAt, request.Message, request.Operation, request.SchemaVersion)
        {
            RevertOf = request.RevertOf,
            Source = request.Source,
        };
        return stored with { ChainHash = ChainHash.Compute(previousChain, stored) };
    }

    // The versions of an entity whose content hash starts with a prefix, newest first, one per content: [$3, $4] are
    // the 32-byte hashes that start with it (HashColumns.Range). Three things keep it one cheap probe of the hash index:
    // - the version numbers are an array from a subquery (an InitPlan), not an IN that PostgreSQL pulls up into a
    //   seven-relation join: PostgreSQL re-plans this statement on every call (its generic plan cannot size a range
    //   of parameters, so it never wins against the custom one), and planning that join took 1-5 ms to run 0.07;
    // - the subquery names the entity by its own lookup, not by the outer row, which ran it once per version;
    // - it compares `entity_pk + 0`, so the hash range is the only index it can use: a generic plan chose the
    //   primary key and read every version of the entity (100,000 for a long history).
    internal const string FindByHashWhere = """
         WHERE e.kind = $1 AND e.id = $2 AND v.version = ANY (ARRAY(
            SELECT max(m.version) FROM verso.versions m
            WHERE m.hash BETWEEN $3 AND $4 AND m.entity_pk + 0 = (SELECT x.entity_pk FROM verso.entities x WHERE x.kind = $1 AND x.id = $2)
            GROUP BY m.hash ORDER BY 1 DESC LIMIT $5))
        ORDER BY v.version DESC;
        """;

    private static async Task<Snapshot?> GetVersionAsync(NpgsqlConnection connection, EntityKey key, int version, CancellationToken cancellationToken) =>
        (await QueryAsync(connection, " WHERE e.kind = $1 AND e.id = $2 AND v.version = $3;", [key.Kind, key.Id, version], cancellationToken).ConfigureAwait(false))
            .SingleOrDefault();

    private static async Task<List<Snapshot>> QueryAsync(NpgsqlConnection connection, string where, object[] parameters, CancellationToken cancellationToken, bool leftJoinBlobs = false)
    {
        var select = leftJoinBlobs ? PostgresDialect.Instance.SelectSnapshotEvenWithoutContent : PostgresDialect.Instance.SelectSnapshot;
        await using var command = Command(connection, select + where, parameters);
        return await PostgresDialect.Instance.ReadSnapshotsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    // The advisory lock that orders appends of a content against the deletion of its blob.
    internal static long BlobLockKey(ContentHash hash) =>
        long.Parse(hash.Hex.AsSpan(0, 16), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter as NpgsqlParameter ?? new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
