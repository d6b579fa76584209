using Microsoft.Data.Sqlite;
using Verso.Errors;

namespace Verso.Sqlite;

// Opens connections to one store file with the settings every operation relies on.
internal sealed class SqliteConnectionFactory
{
    // How long a writer waits for another process's write transaction before giving up, unless the
    // connection string says otherwise (Default Timeout, in seconds).
    private const int BusyTimeoutSeconds = 60;

    private const int SqliteCantOpen = 14;

    private readonly string _openExisting;
    private readonly string _openWriter;
    private readonly string _openOrCreate;
    private volatile bool _schemaChecked;

    private static readonly object Seen = new();

    // The physical connections (pooled, so reused by many opens) this factory has configured already:
    // the PRAGMAs hold per connection, and running them on every open cost each save a statement.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> _configured = [];
    private readonly string _synchronous;
    private readonly int _busyTimeoutMilliseconds;

    public SqliteConnectionFactory(string connectionString, SqliteSynchronous synchronous)
    {
        // FULL syncs the WAL at every commit; NORMAL only at checkpoints (a commit survives a process
        // crash but may be lost with the machine's power). Both keep the file consistent.
        _synchronous = synchronous == SqliteSynchronous.Normal ? " PRAGMA synchronous = NORMAL;" : " PRAGMA synchronous = FULL;";
        var given = new SqliteConnectionStringBuilder(connectionString);
        var waitSeconds = given.ShouldSerialize("Default Timeout") ? given.DefaultTimeout : BusyTimeoutSeconds;
        _busyTimeoutMilliseconds = waitSeconds * 1000;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = waitSeconds };
        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            throw new ArgumentException("the SQLite connection string names no Data Source", nameof(connectionString));
        }

        DataSource = builder.DataSource;
        _openOrCreate = new SqliteConnectionStringBuilder(builder.ConnectionString) { Mode = SqliteOpenMode.ReadWriteCreate }.ConnectionString;
        // Everything but init opens an existing file, so a typo in a path fails instead of creating an empty store.
        _openExisting = new SqliteConnectionStringBuilder(builder.ConnectionString) { Mode = SqliteOpenMode.ReadWrite }.ConnectionString;
        _openWriter = new SqliteConnectionStringBuilder(_openExisting) { Pooling = false }.ConnectionString;
    }

    public string DataSource { get; }

    /// <summary>
    /// Statements run on every open after the store's own settings: a way for tests to give a real
    /// connection a real limit (<c>max_page_count</c> for a full disk, <c>query_only</c>, <c>busy_timeout</c>).
    /// </summary>
    internal string? ExtraPragmas { get; set; }

    /// <summary>Opens the store for an operation, checking once per process that its schema is current.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => OpenCheckedAsync(_openExisting, "", cancellationToken);

    /// <summary>
    /// Opens the store's write connection (see <see cref="SqliteWriter"/>): outside the pool, since it stays open, and
    /// without the automatic checkpoint, which the writer runs off the commit path instead.
    /// </summary>
    public Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken) =>
        OpenCheckedAsync(_openWriter, " PRAGMA wal_autocheckpoint = 0;", cancellationToken);

    /// <summary>Runs <see cref="ExtraPragmas"/> on a connection kept open, as every open runs them.</summary>
    public async Task ApplyExtraPragmasAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (ExtraPragmas is { } extra)
        {
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = extra;
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SqliteConnection> OpenCheckedAsync(string connectionString, string settings, CancellationToken cancellationToken)
    {
        var connection = await OpenCoreAsync(connectionString, settings, cancellationToken).ConfigureAwait(false);
        if (!_schemaChecked)
        {
            try
            {
                await SqliteSchema.EnsureCurrentAsync(connection, DataSource, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            _schemaChecked = true;
        }

        return connection;
    }

    /// <summary>
    /// A connection outside the pool with none of the store's settings, for a reader that must stay on one
    /// connection (the change stamp's <c>PRAGMA data_version</c> is counted per connection).
    /// </summary>
    public SqliteConnection OpenUnpooled()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_openExisting) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Opens the store file, creating it when missing (for init).</summary>
    public Task<SqliteConnection> OpenOrCreateAsync(CancellationToken cancellationToken) =>
        OpenCoreAsync(_openOrCreate, "", cancellationToken);

    private async Task<SqliteConnection> OpenCoreAsync(string connectionString, string settings, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (connection.Handle is { } handle && !_configured.TryGetValue(handle, out _))
            {
                await using var pragma = connection.CreateCommand();
                // SQLite's own busy handler makes writers queue for the write lock instead of failing "database is locked".
                // A batch or group commit touches pages all over the hash-keyed trees; a cache of 32 MB (not
                // SQLite's 2 MB) keeps them in memory instead of spilling them to the WAL and reading them back.
                pragma.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA cache_size = -32768;" + _synchronous + settings;
                await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                _configured.AddOrUpdate(handle, Seen);
            }

            await ApplyExtraPragmasAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode == SqliteCantOpen)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreUnavailableException(SqliteOpenFailure.Describe(DataSource, creating: connectionString == _openOrCreate), exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
