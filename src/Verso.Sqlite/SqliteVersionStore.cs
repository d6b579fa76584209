using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Storage.Relational.Faults;
using Verso.Storage.Relational.Hashes;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Appends run in one <c>BEGIN IMMEDIATE</c>
/// transaction, so writers in many processes queue for the file's write lock (up to a minute) and
/// each reads the head it appends to under that lock; writers in one process share transactions
/// (group commit). An unchanged save is answered from a read, never waiting for a writer.
/// Create one per file and share it.
/// </summary>
public sealed partial class SqliteVersionStore : IVersionStore
{
    private readonly SqliteConnectionFactory _connections;

    // SQLite has one write lock per file. Writers in this process queue here, in order, instead of
    // polling for the lock in SQLite's busy handler; writers in other processes still wait on the lock.
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private readonly GroupCommit _groupCommit;

    // The kept write connection the group commit's transactions run on, under _writeGate.
    private readonly SqliteWriter _writer;

    private readonly FaultBoundary _faults;

    /// <summary>Creates a store over a SQLite connection string such as <c>Data Source=verso.db</c>.</summary>
    /// <param name="connectionString">Names the file.</param>
    /// <param name="synchronous">How hard a commit waits for the disk; <see cref="SqliteSynchronous.Full"/> unless said otherwise.</param>
    /// <exception cref="ArgumentException">The connection string names no data source.</exception>
    public SqliteVersionStore(string connectionString, SqliteSynchronous synchronous = SqliteSynchronous.Full)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _connections = new SqliteConnectionFactory(connectionString, synchronous);
        _faults = new FaultBoundary(exception => SqliteFaults.Translate(exception, _connections.DataSource));
        _writer = new SqliteWriter(_connections);
        _groupCommit = new GroupCommit((_, cancellation) => SqliteGroupTransaction.BeginAsync(_writer, cancellation), _writeGate);
    }

    /// <summary>Creates a store over a file path.</summary>
    /// <param name="path">The store file.</param>
    /// <param name="synchronous">How hard a commit waits for the disk; <see cref="SqliteSynchronous.Full"/> unless said otherwise.</param>
    public static SqliteVersionStore ForFile(string path, SqliteSynchronous synchronous = SqliteSynchronous.Full) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString, synchronous);

    /// <summary>The file this store keeps its versions in.</summary>
    public string DataSource => _connections.DataSource;

    /// <inheritdoc />
    public Task<SchemaUpgrade> InitializeAsync(CancellationToken cancellationToken = default) => _faults.WriteAsync<SchemaUpgrade>(async () =>
    {
        await using var connection = await _connections.OpenOrCreateAsync(cancellationToken).ConfigureAwait(false);
        await SqliteForeignCheck.EnsureOwnAsync(connection, DataSource, cancellationToken).ConfigureAwait(false);
        return await SqliteSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task<Snapshot?> GetLatestAsync(EntityKey key, CancellationToken cancellationToken = default) => _faults.ReadAsync<Snapshot?>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteDialect.Instance.SelectSnapshot + " WHERE e.kind = $kind AND e.id = $id AND v.version = e.head;";
        AddKey(command, key);
        return (await SqliteDialect.Instance.ReadSnapshotsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    });

    /// <inheritdoc />
    public Task<Snapshot?> GetVersionAsync(EntityKey key, int version, CancellationToken cancellationToken = default) => _faults.ReadAsync<Snapshot?>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await GetVersionAsync(connection, key, version, cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<Snapshot>> FindByHashAsync(EntityKey key, ContentHashPrefix prefix, int limit, CancellationToken cancellationToken = default) => _faults.ReadAsync<IReadOnlyList<Snapshot>>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // The one hash index (versions_by_content) is over all entities: a prefix of at least 8 hex digits
        // matches about one content in four billion, so the range holds this entity's matches and almost
        // nothing else, however many versions the store keeps. Bytes compare as the hex digits do.
        command.CommandText = SqliteDialect.Instance.SelectSnapshot + """
             WHERE e.kind = $kind AND e.id = $id AND v.version IN (
                SELECT max(m.version) FROM versions m
                WHERE m.hash BETWEEN $low AND $high AND m.entity_pk = e.entity_pk
                GROUP BY m.hash)
            ORDER BY v.version DESC LIMIT $limit;
            """;
        AddKey(command, key);
        var (low, high) = HashColumns.Range(prefix);
        command.Parameters.AddWithValue("$low", low);
        command.Parameters.AddWithValue("$high", high);
        command.Parameters.AddWithValue("$limit", limit);
        return await SqliteDialect.Instance.ReadSnapshotsAsync(command, cancellationToken).ConfigureAwait(false);
    });

    /// <inheritdoc />
    public Task<int> CountVersionsAsync(EntityKey key, CancellationToken cancellationToken = default) => _faults.ReadAsync<int>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return (await ReadHeadAsync(connection, key, cancellationToken).ConfigureAwait(false))?.Version ?? 0;
    });

    /// <inheritdoc />
    public IAsyncEnumerable<EntityHead> ListEntitiesAsync(string kind, CancellationToken cancellationToken = default) =>
        _faults.StreamAsync(ListEntitiesCoreAsync(kind, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<EntityHead> ListEntitiesCoreAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
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
                HashColumns.Read(reader, 2),
                SqliteDialect.FromMicroseconds(reader.GetInt64(3)));
        }
    }

    /// <inheritdoc />
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default) => _faults.ReadAsync<StoreStatistics>(async () =>
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM entities), (SELECT count(*) FROM versions),
                   (SELECT count(*) FROM blobs), (SELECT coalesce(sum(coalesce(size, length(content))), 0) FROM blobs);
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    });

    internal static async Task<Snapshot?> GetVersionAsync(SqliteConnection connection, EntityKey key, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteDialect.Instance.SelectSnapshot + " WHERE e.kind = $kind AND e.id = $id AND v.version = $version;";
        AddKey(command, key);
        command.Parameters.AddWithValue("$version", version);
        return (await SqliteDialect.Instance.ReadSnapshotsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static async Task<(long EntityPk, int Version)?> ReadHeadAsync(SqliteConnection connection, EntityKey key, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entity_pk, head FROM entities WHERE kind = $kind AND id = $id;";
        AddKey(command, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetInt64(0), reader.GetInt32(1))
            : null;
    }

    private static void AddKey(SqliteCommand command, EntityKey key)
    {
        command.Parameters.AddWithValue("$kind", key.Kind);
        command.Parameters.AddWithValue("$id", key.Id);
    }
}
