using System.Data.Common;
using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// The group commit's transaction on the server. It takes the change sequence's lock before anything
// else, so every appending transaction on the database holds it from its first head lock to its commit:
// sequence order is commit order, and two transactions never lock heads in opposite orders (which
// would deadlock when one process's group holds entity A and waits for B while another's holds B).
internal sealed class PostgresGroupTransaction : IGroupTransaction
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _sequenceLocked;

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
            // The lock rides in the first append's round trip, shared group or not: without savepoints nothing
            // can release it before the commit (a failed caller rolls back the whole transaction).
            return new PostgresGroupTransaction(connection, await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        // The lock rides in the first head's round trip (Npgsql sends BEGIN with it too).
        var result = await PostgresVersionStore.AppendInTransactionAsync(_connection, request, lockSequence: !_sequenceLocked, cancellationToken).ConfigureAwait(false);
        _sequenceLocked = true;
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
