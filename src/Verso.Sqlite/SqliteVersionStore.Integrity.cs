using Verso.Storage.Integrity;

namespace Verso.Sqlite;

public sealed partial class SqliteVersionStore : IIntegritySource
{
    /// <inheritdoc />
    /// <remarks>One connection in one read transaction: in WAL mode it sees the file as of its first read, whatever commits meanwhile.</remarks>
    public Task<IIntegritySnapshot> OpenIntegritySnapshotAsync(CancellationToken cancellationToken = default) => _faults.ReadAsync<IIntegritySnapshot>(async () =>
    {
        var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SqliteIntegritySnapshot.BeginAsync(connection, DataSource, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    });
}
