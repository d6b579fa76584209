using Verso.Storage;

namespace Verso.Sqlite;

// verso gc's last step: VACUUM copies every live row into a new file, so pages freed by gc's re-encoding (or a
// prune, or an old schema's larger rows) go back to the file system and each table's pages are full and in
// key order; then the write-ahead log is folded in and emptied.
public sealed partial class SqliteVersionStore : IStoreRepack
{
    /// <inheritdoc />
    public Task<long> GetStoreBytesAsync(CancellationToken cancellationToken = default) => Task.FromResult(FileBytes(DataSource));

    /// <inheritdoc />
    public Task RepackAsync(CancellationToken cancellationToken = default) => _faults.WriteAsync<bool>(async () =>
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SqliteSchema.ExecuteAsync(connection, "VACUUM;", cancellationToken).ConfigureAwait(false);
            await SqliteSchema.ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);", CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    });

    private static long FileBytes(string path) =>
        (File.Exists(path) ? new FileInfo(path).Length : 0) + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
}
