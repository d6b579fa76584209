using System.Net.Sockets;
using Npgsql;
using Verso.Errors;

namespace Verso.Postgres;

// Owns the pooled data source; opens connections and turns driver failures into one clear line.
internal sealed class PostgresConnections : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private volatile bool _schemaChecked;

    public PostgresConnections(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.ToNpgsql(connectionString))
        {
            // The store sends the same few statements over and over: prepared once per physical connection,
            // each save skips the server's parse and plan.
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
            // The store sets no session state, so a connection going back to the pool needs no DISCARD ALL
            // (which also drops the prepared statements), saving every operation a round of work on the server.
            NoResetOnClose = true,
        };
        Where = PostgresConnectionStrings.Describe(builder.ConnectionString);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <summary>host:port/db, for messages (never the password).</summary>
    public string Where { get; }

    /// <summary>Runs <paramref name="work"/> on a pooled connection to a store whose schema is current.</summary>
    public Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunCoreAsync(work, checkSchema: true, cancellationToken);

    /// <summary>Runs <paramref name="work"/> without the schema check (for init).</summary>
    public Task<T> RunUncheckedAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken) =>
        RunCoreAsync(work, checkSchema: false, cancellationToken);

    /// <summary>A connection of its own for a change feed, which keeps it for as long as it listens.</summary>
    public Task<NpgsqlConnection> OpenDedicatedAsync(CancellationToken cancellationToken) =>
        RunUncheckedAsync(_ => _dataSource.OpenConnectionAsync(cancellationToken).AsTask(), cancellationToken);

    /// <summary>A pooled connection to a store whose schema is current, for work that keeps it open (the group commit).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await EnsureSchemaCheckedAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw Fault(exception);
        }
    }

    /// <summary>A driver failure as the one line a user reads: where the store is and what went wrong.</summary>
    public StoreUnavailableException Unavailable(NpgsqlException exception) => new($"PostgreSQL at {Where}: {Reason(exception)}", exception);

    /// <summary>
    /// A driver failure in the categories every store reports (see <see cref="PostgresFaults"/>): read-only, disk
    /// full, busy, too big, damaged as <see cref="StoreFailureException"/>; a server that cannot be reached or used
    /// (refused, shut down, the session terminated, the login refused) as <see cref="StoreUnavailableException"/>,
    /// which the change feed and the health probes wait out.
    /// </summary>
    public VersoException Fault(NpgsqlException exception) =>
        PostgresFaults.Translate(exception, Where) is StoreFailureException { Cause: not StoreFailureCause.Unavailable } failure ? failure : Unavailable(exception);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private async Task<T> RunCoreAsync<T>(Func<NpgsqlConnection, Task<T>> work, bool checkSchema, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (checkSchema)
            {
                await EnsureSchemaCheckedAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return await work(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fault(exception);
        }
    }

    private async Task EnsureSchemaCheckedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (!_schemaChecked)
        {
            await PostgresSchema.EnsureCurrentAsync(connection, Where, cancellationToken).ConfigureAwait(false);
            _schemaChecked = true;
        }
    }

    private static string Reason(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => postgres.MessageText,
        { InnerException: SocketException socket } => $"cannot connect ({socket.Message})",
        { InnerException: TimeoutException } => "timed out",
        { InnerException: IOException io } => $"the connection broke ({io.Message})",
        _ => exception.Message,
    };
}
