using System.Data;
using Verso.Storage.Integrity;

namespace Verso.Postgres;

public sealed partial class PostgresVersionStore : IIntegritySource
{
    /// <inheritdoc />
    /// <remarks>One connection in one read-only REPEATABLE READ transaction: every read sees the database as of the first.</remarks>
    public async Task<IIntegritySnapshot> OpenIntegritySnapshotAsync(CancellationToken cancellationToken = default)
    {
        // Through the pooled path first, so a store that is missing or not initialized says so as every read does.
        await _connections.RunAsync(_ => Task.FromResult(0), cancellationToken).ConfigureAwait(false);
        var connection = await _connections.OpenDedicatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (var readOnly = Command(connection, "SET TRANSACTION READ ONLY;"))
            {
                await readOnly.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new PostgresIntegritySnapshot(connection, transaction, Where);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
