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

    // The last append's writes, not sent yet: they ride in the next append's head lock round trip, or go just
    // before the commit, so an append in a shared commit costs one round trip where it cost two. A write fails by
    // itself only when the whole store does (read-only, full), which fails every caller of the group alike.
    private readonly List<NpgsqlBatchCommand> _pendingWrites = [];

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
        var result = await PostgresVersionStore.AppendInTransactionAsync(_connection, request, lockSequence: !_sequenceLocked, _pendingWrites, cancellationToken).ConfigureAwait(false);
        _sequenceLocked = true;
        return result;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_pendingWrites.Count > 0)
        {
            await using var batch = new NpgsqlBatch(_connection);
            foreach (var write in _pendingWrites)
            {
                batch.BatchCommands.Add(write);
            }

            _pendingWrites.Clear();
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
