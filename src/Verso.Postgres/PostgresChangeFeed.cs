using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Postgres;

// LISTEN on a connection of its own; every committed append NOTIFYs "kind/id@N sha256:…".
internal sealed class PostgresChangeFeed : IChangeFeed
{
    public const string Channel = "verso_versions";

    private readonly NpgsqlConnection _connection;
    private readonly string? _kind;
    private readonly string _where;
    private readonly Channel<VersionEvent> _events = System.Threading.Channels.Channel.CreateUnbounded<VersionEvent>();

    private PostgresChangeFeed(NpgsqlConnection connection, string? kind, string where)
    {
        _connection = connection;
        _kind = kind;
        _where = where;
        _connection.Notification += OnNotification;
    }

    public static async Task<PostgresChangeFeed> ListenAsync(NpgsqlConnection connection, string? kind, string where, CancellationToken cancellationToken)
    {
        var feed = new PostgresChangeFeed(connection, kind, where);
        await using var listen = new NpgsqlCommand($"LISTEN {Channel};", connection);
        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return feed;
    }

    public async IAsyncEnumerable<VersionEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            while (_events.Reader.TryRead(out var @event))
            {
                yield return @event;
            }

            try
            {
                // Returns after the server delivered at least one notification (raised through OnNotification).
                await _connection.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception)
            {
                throw new StoreUnavailableException($"PostgreSQL at {_where}: the change feed lost its connection ({exception.Message})", exception);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Notification -= OnNotification;
        try
        {
            // The pool does not reset connections (see PostgresConnections): this one stops listening here.
            await using var unlisten = new NpgsqlCommand("UNLISTEN *;", _connection);
            await unlisten.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
        {
            // A broken connection, or one still waiting for a notification, is not returned for reuse as it is.
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        var parts = notification.Payload.Split(' ');
        if (parts.Length != 2 || !ContentHash.TryParse(parts[1], out var hash))
        {
            return;
        }

        var reference = VersionRef.Parse(parts[0]);
        if (_kind is null || reference.Key.Kind == _kind)
        {
            _events.Writer.TryWrite(new VersionEvent(reference, hash));
        }
    }
}
