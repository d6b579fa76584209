using System.Data.Common;
using Npgsql;
using Verso.Storage;
using Verso.Writing;

namespace Verso.Postgres;

// The group commit's transaction on the server. It takes the change sequence's lock before anything
// else, so every appending transaction on the database holds it from its first head lock to its commit:
// sequence order is commit order, and two transactions never lock heads in opposite orders (which
// would deadlock when one process's group holds entity A and waits for B while another's holds B).
internal sealed class PostgresGroupTransaction : IGroupTransaction
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private PostgresGroupTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public DbTransaction Transaction => _transaction;

    public static async Task<IGroupTransaction> BeginAsync(PostgresConnections connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var sequenceLock = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection)
            {
                Parameters = { new NpgsqlParameter { Value = PostgresVersionStore.ChangeSequenceLockKey } },
            };
            await sequenceLock.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgresGroupTransaction(connection, transaction);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw connections.Unavailable(exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken) =>
        PostgresVersionStore.AppendInTransactionAsync(_connection, request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
