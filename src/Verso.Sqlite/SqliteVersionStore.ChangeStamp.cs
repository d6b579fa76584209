using System.Globalization;
using Microsoft.Data.Sqlite;
using Verso.Storage;

namespace Verso.Sqlite;

// The change stamp: PRAGMA data_version on a connection of its own that never writes. SQLite moves that
// number whenever another connection (of this process or any other) commits to the file, and reads it from
// the WAL index without touching a table, so it costs a few microseconds where a head read costs a hundred.
public sealed partial class SqliteVersionStore : IChangeStamp, IAsyncDisposable
{
    private readonly Lock _stampLock = new();
    private SqliteConnection? _stampConnection;

    // Kept prepared on the stamp's connection: an unchanged save answered from memory costs little else.
    private SqliteCommand? _dataVersion;

    // Each observer connection starts counting afresh, so its number is part of the stamp: a stamp read on
    // a connection opened after a failure never equals one read before it.
    private long _stampGeneration;

    /// <inheritdoc />
    public ValueTask<string?> GetChangeStampAsync(CancellationToken cancellationToken = default)
    {
        if (IsInMemory)
        {
            // Another connection to ":memory:" is another database: its data_version says nothing.
            return ValueTask.FromResult<string?>(null);
        }

        lock (_stampLock)
        {
            try
            {
                if (_stampConnection is null)
                {
                    _stampConnection = _connections.OpenUnpooled();
                    _stampGeneration++;
                }

                if (_dataVersion is null || _dataVersion.Connection != _stampConnection)
                {
                    _dataVersion?.Dispose();
                    _dataVersion = _stampConnection.CreateCommand();
                    _dataVersion.CommandText = "PRAGMA data_version;";
                    _dataVersion.Prepare();
                }

                var version = (long)_dataVersion.ExecuteScalar()!;
                return ValueTask.FromResult<string?>(string.Create(CultureInfo.InvariantCulture, $"{_stampGeneration}:{version}"));
            }
            catch (SqliteException)
            {
                // A stamp that cannot be read keeps nothing: the caller reads the store itself, which reports the fault.
                _dataVersion?.Dispose();
                _dataVersion = null;
                _stampConnection?.Dispose();
                _stampConnection = null;
                return ValueTask.FromResult<string?>(null);
            }
        }
    }

    /// <summary>
    /// Closes the change stamp's own connection and the kept write connection (after any write in flight), and waits
    /// for a background checkpoint. A store left open would close them only when the collector gets to them, and
    /// closing the last connection to a file checkpoints its WAL: the file's bytes would change at a moment nobody
    /// chose. The store stays usable; a later stamp or write opens its connection again.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_stampLock)
        {
            _dataVersion?.Dispose();
            _dataVersion = null;
            _kindStamp?.Dispose();
            _kindStamp = null;
            _stampConnection?.Dispose();
            _stampConnection = null;
        }

        await _writeGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private bool IsInMemory =>
        _connections.DataSource.Length == 0
        || _connections.DataSource == ":memory:"
        || _connections.DataSource.StartsWith("file::memory:", StringComparison.Ordinal)
        || _connections.DataSource.Contains("mode=memory", StringComparison.OrdinalIgnoreCase);
}
