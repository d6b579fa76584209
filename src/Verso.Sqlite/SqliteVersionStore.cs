using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Hashing;
using Verso.Integrity;
using Verso.Naming;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Appends run in one <c>BEGIN IMMEDIATE</c>
/// transaction, so writers in many processes queue for the file's write lock (up to a minute) and
/// each reads the head it appends to under that lock. Create one per file and share it.
/// </summary>
public sealed partial class SqliteVersionStore : IVersionStore
{
    private readonly SqliteConnectionFactory _connections;

    // SQLite has one write lock per file. Writers in this process queue here, in order, instead of
    // polling for the lock in SQLite's busy handler; writers in other processes still wait on the lock.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    /// <summary>Creates a store over a SQLite connection string such as <c>Data Source=verso.db</c>.</summary>
    /// <exception cref="ArgumentException">The connection string names no data source.</exception>
    public SqliteVersionStore(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connections = new SqliteConnectionFactory(connectionString);
    }

    /// <summary>Creates a store over a file path.</summary>
    public static SqliteVersionStore ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString);

    /// <summary>The file this store keeps its versions in.</summary>
    public string DataSource => _connections.DataSource;

    /// <inheritdoc />
    public async Task<SchemaUpgrade> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
        await SqliteForeignCheck.EnsureOwnAsync(connection, DataSource, cancellationToken).ConfigureAwait(false);
        return await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await AppendLockedAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task<AppendResult> AppendLockedAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        // IMMEDIATE takes the write lock before the head is read: no other writer can slip in between.
        await using var transaction = connection.BeginTransaction(deferred: false);

        var head = await ReadHeadAsync(connection, request.Key, cancellationToken).ConfigureAwait(false);
        var headVersion = head?.Version ?? 0;
        if (request.ExpectedVersion is { } expected && expected != headVersion)
        {
            throw new VersionConflictException(request.Key.Kind, request.Key.Id, expected, headVersion);
        }

        if (head is { } current && !request.Force && current.Hash == request.Content.Hash.Hex)
        {
            var unchanged = await GetVersionAsync(connection, request.Key, current.Version, cancellationToken).ConfigureAwait(false);
            return new AppendResult(AppendOutcome.Unchanged, unchanged!);
        }

        var targets = await CheckReferencesAsync(connection, request.References, cancellationToken).ConfigureAwait(false);
        var version = headVersion + 1;
        var savedAt = SqliteSnapshotReader.ToMicroseconds(request.SavedAt);
        await using (var blob = connection.CreateCommand())
        {
            blob.CommandText = "INSERT INTO blobs (hash, content) VALUES ($hash, $content) ON CONFLICT (hash) DO NOTHING;";
            blob.Parameters.AddWithValue("$hash", request.Content.Hash.Hex);
            blob.Parameters.Add("$content", SqliteType.Blob).Value = request.Content.Utf8.ToArray();
            await blob.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var entityPk = head?.EntityPk ?? await InsertEntityAsync(connection, request, savedAt, cancellationToken).ConfigureAwait(false);
        var snapshot = ChainedSnapshot(request, version, SqliteSnapshotReader.FromMicroseconds(savedAt), head?.Chain);
        await using (var write = connection.CreateCommand())
        {
            write.CommandText = """
                UPDATE entities SET head = $version, head_hash = $hash, head_saved_at = $saved_at WHERE entity_pk = $entity;
                INSERT INTO versions (entity_pk, version, hash, saved_by, saved_at, message, operation, schema_version, revert_of, chain_hash, source, seq)
                VALUES ($entity, $version, $hash, $saved_by, $saved_at, $message, $operation, $schema_version, $revert_of, $chain_hash, $source,
                        (SELECT coalesce(max(seq), 0) + 1 FROM versions));
                """;
            write.Parameters.AddWithValue("$entity", entityPk);
            write.Parameters.AddWithValue("$version", version);
            write.Parameters.AddWithValue("$hash", request.Content.Hash.Hex);
            write.Parameters.AddWithValue("$saved_by", request.SavedBy);
            write.Parameters.AddWithValue("$saved_at", savedAt);
            write.Parameters.AddWithValue("$message", (object?)request.Message ?? DBNull.Value);
            write.Parameters.AddWithValue("$operation", request.Operation.ToName());
            write.Parameters.AddWithValue("$schema_version", request.SchemaVersion);
            write.Parameters.AddWithValue("$revert_of", (object?)request.RevertOf ?? DBNull.Value);
            write.Parameters.AddWithValue("$chain_hash", snapshot.ChainHash!.Value.Hex);
            write.Parameters.AddWithValue("$source", (object?)request.Source?.ToJson() ?? DBNull.Value);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await IndexReferencesAsync(connection, targets, entityPk, version, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new AppendResult(AppendOutcome.Created, snapshot);
    }

    /// <inheritdoc />
    public async Task<Snapshot?> GetLatestAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSnapshotReader.SelectSnapshot + " WHERE e.kind = $kind AND e.id = $id AND v.version = e.head;";
        AddKey(command, key);
        return (await SqliteSnapshotReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    /// <inheritdoc />
    public async Task<Snapshot?> GetVersionAsync(EntityKey key, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetVersionAsync(connection, key, version, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Snapshot>> FindByHashAsync(EntityKey key, ContentHashPrefix prefix, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Hex digits sort below 'g', so [prefix, prefix + 'g') is exactly the hashes that start with prefix.
        command.CommandText = SqliteSnapshotReader.SelectSnapshot + """
             WHERE e.kind = $kind AND e.id = $id AND v.version IN (
                SELECT max(m.version) FROM versions m
                WHERE m.entity_pk = e.entity_pk AND m.hash >= $low AND m.hash < $high
                GROUP BY m.hash)
            ORDER BY v.version DESC LIMIT $limit;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$low", prefix.Hex);
        command.Parameters.AddWithValue("$high", prefix.Hex + "g");
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteSnapshotReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Snapshot> GetHistoryAsync(
        EntityKey key,
        int offset,
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSnapshotReader.SelectSnapshot + """
             WHERE e.kind = $kind AND e.id = $id
            ORDER BY v.version DESC LIMIT $limit OFFSET $offset;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$offset", offset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return SqliteSnapshotReader.Read(reader);
        }
    }

    /// <inheritdoc />
    public async Task<int> CountVersionsAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadHeadAsync(connection, key, cancellationToken).ConfigureAwait(false))?.Version ?? 0;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EntityHead> ListEntitiesAsync(
        string kind,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, head, head_hash, head_saved_at FROM entities WHERE kind = $kind ORDER BY id;";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new EntityHead(
                EntityKey.Create(kind, reader.GetString(0)),
                reader.GetInt32(1),
                ContentHash.FromHex(reader.GetString(2)),
                SqliteSnapshotReader.FromMicroseconds(reader.GetInt64(3)));
        }
    }

    /// <inheritdoc />
    public async Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM versions),
                   (SELECT count(*) FROM blobs), (SELECT coalesce(sum(length(content)), 0) FROM blobs);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<Snapshot?> GetVersionAsync(SqliteConnection connection, EntityKey key, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteSnapshotReader.SelectSnapshot + " WHERE e.kind = $kind AND e.id = $id AND v.version = $version;";
        AddKey(command, key);
        command.Parameters.AddWithValue("$version", version);
        return (await SqliteSnapshotReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<(long EntityPk, int Version, string Hash, string? Chain)?> ReadHeadAsync(SqliteConnection connection, EntityKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.entity_pk, e.head, e.head_hash, (SELECT v.chain_hash FROM versions v WHERE v.entity_pk = e.entity_pk AND v.version = e.head)
            FROM entities e WHERE e.kind = $kind AND e.id = $id;
            """;
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    }

    private static async Task<long> InsertEntityAsync(SqliteConnection connection, AppendRequest request, long savedAt, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO entities (kind, id, head, head_hash, head_saved_at) VALUES ($kind, $id, 0, $hash, $saved_at)
            RETURNING entity_pk;
            """;
        AddKey(command, request.Key);
        command.Parameters.AddWithValue("$hash", request.Content.Hash.Hex);
        command.Parameters.AddWithValue("$saved_at", savedAt);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // The new version as stored, linked to its predecessor's chain hash.
    private static Snapshot ChainedSnapshot(AppendRequest request, int version, DateTimeOffset savedAt, string? previousChain)
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

    private static void AddKey(SqliteCommand command, EntityKey key)
    {
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
    }
}
