using Microsoft.Data.Sqlite;

namespace Verso.Sqlite;

// The store's one write connection, kept open between transactions with its append session, so each
// statement of an append is prepared once per connection instead of once per save (parsing and planning
// the append's statements cost a lone changed save more than executing them). Used only under the store's
// write gate, one transaction at a time. SQLite re-prepares a kept statement by itself when another
// connection changed the schema (a migration, gc's VACUUM). After a transaction that did not commit the
// connection is closed, so whatever went wrong with it (a driver fault, a lost file) is not carried into
// the next one; the next transaction opens a new connection.
//
// Its commits do not checkpoint the write-ahead log themselves (wal_autocheckpoint off on this connection):
// a checkpoint copies the log into the file and syncs both, milliseconds on a disk, which every hundred-odd
// saves one caller would wait for. Instead a commit that brings the appends since the last checkpoint past
// CheckpointEvery starts one in the background on a connection of its own (PASSIVE: it never waits for, nor
// blocks, a reader or a writer).
//
// A background checkpoint alone never lets the log start over: SQLite rewinds the log only in a write
// transaction that began while every frame was copied back, and a steady writer appends frames while the
// background checkpoint copies. The log then grew without end (a gigabyte after 30,000 saves), and every
// frame went to a part of the file never written before, which cost the kernel (allocating, zeroing and
// writing back new pages) more than the rest of a save. So once RewindEvery appends went into the log, the
// next transaction starts with a catch-up checkpoint on this connection when no background one is running:
// it copies what the background ones left (the last few appends' pages) and syncs, and the transaction
// after it writes from the log's start again, into pages the operating system already holds. That is the
// sync a commit under SQLite's own checkpointing pays every thousand pages, here every RewindEvery appends.
internal sealed class SqliteWriter(SqliteConnectionFactory connections) : IAsyncDisposable
{
    /// <summary>Appends between rewinds of the log: about 17 MB of log at eight 4 KB frames an append.</summary>
    internal const int RewindEvery = 512;

    // An append writes about seven 4 KB pages of log; SQLite's default checkpoints at 1,000 pages.
    private const int CheckpointEvery = 128;

    private SqliteConnection? _connection;
    private SqliteAppendSession? _session;
    private int _appendsSinceCheckpoint;
    private int _appendsSinceRewind;
    private Task _checkpoint = Task.CompletedTask;

    /// <summary>The open write connection and its session, opened when there is none.</summary>
    public async Task<SqliteAppendSession> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_session is { } session)
        {
            // Tests give a real connection real limits through these; they hold per connection.
            await connections.ApplyExtraPragmasAsync(session.Connection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _connection = await connections.OpenWriterAsync(cancellationToken).ConfigureAwait(false);
            session = _session = new SqliteAppendSession(_connection);
        }

        await CatchUpAsync(session.Connection, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Counts a committed transaction's appends, and starts a background checkpoint when the log has grown enough.</summary>
    public void Committed(int appends)
    {
        _appendsSinceCheckpoint += appends;
        _appendsSinceRewind += appends;
        if (_appendsSinceCheckpoint < CheckpointEvery || !_checkpoint.IsCompleted)
        {
            return;
        }

        _appendsSinceCheckpoint = 0;
        _checkpoint = Task.Run(CheckpointAsync);
    }

    // Before a transaction, under the write gate: copies back what the background checkpoints have not, so the
    // transaction finds the log fully copied and SQLite rewinds it (see the class comment). A background
    // checkpoint still running is left alone unless the log is twice as long as it should be (a slow disk):
    // then it is waited for, so the log stays bounded whatever the disk.
    private async Task CatchUpAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_appendsSinceRewind < RewindEvery || (!_checkpoint.IsCompleted && _appendsSinceRewind < 2 * RewindEvery))
        {
            return;
        }

        // Whatever ended the background checkpoint is its own business (it reports nothing), never this append's.
        await _checkpoint.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _appendsSinceRewind = 0;
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // As for the background checkpoint: nothing is lost, and the log is rewound after a later one.
        }
    }

    /// <summary>Closes the connection (after a transaction that did not commit, or when the store is disposed).</summary>
    public async ValueTask CloseAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is { } connection)
        {
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Closes the connection and waits for a background checkpoint still running.</summary>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync().ConfigureAwait(false);
        await _checkpoint.ConfigureAwait(false);
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SqliteException)
        {
            // Nothing is lost: the log keeps every commit until a later checkpoint (the next one started here, or
            // SQLite's own when the file's last connection closes) copies it; a fault of the file meets the next write.
        }
        catch (Verso.Errors.StoreUnavailableException)
        {
            // The file went away; the next write reports it.
        }
    }
}
