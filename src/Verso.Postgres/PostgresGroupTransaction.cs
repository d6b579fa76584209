using System.Data.Common;
using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// The group commit's transaction on the server. Each append locks its head row as it comes; the change
// sequence's lock is taken only in the last round trip, with every version row of the transaction, and held
// through the commit: sequence order stays commit order, while the head locks, reads and blob writes of
// transactions in other processes run beside this one's commit instead of queueing behind it. Heads are
// therefore no longer locked in one store-wide order: two transactions that lock the same heads in opposite
// orders deadlock, PostgreSQL aborts one (40P01, after deadlock_timeout), nothing of it was committed, and
// the store runs its appends again (PostgresVersionStore.CommitAsync).
internal sealed class PostgresGroupTransaction : IGroupTransaction
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    // What the appends wrote early (sent with the next head lock's round trip) and what waits for the last round
    // trip. A write fails by itself only when the whole store does (read-only, full), which fails every caller of
    // the group alike.
    private readonly PostgresTransactionAppends _appends = new();

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
            // Npgsql sends BEGIN with the first append's round trip.
            return new PostgresGroupTransaction(connection, await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // The heads of the whole group, in key order, in one round trip: without it each append locks its head as it
    // comes, and two processes' groups over the same entities in different orders would deadlock (and wait out
    // deadlock_timeout before one runs again). A group of one entity has no order to keep.
    public Task LockAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => r.Key).Distinct().ToList();
        return keys.Count < 2 ? Task.CompletedTask : PostgresVersionStore.LockHeadsAsync(_connection, keys, _appends, cancellationToken);
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken) =>
        PostgresVersionStore.AppendInTransactionAsync(_connection, request, _appends, cancellationToken);

    // One caller's batch: several requests in a few round trips (see PostgresVersionStore.Batch).
    public async Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken) =>
        requests.Count == 1
            ? [await AppendAsync(requests[0], cancellationToken).ConfigureAwait(false)]
            : await PostgresVersionStore.AppendManyInTransactionAsync(_connection, requests, _appends, cancellationToken).ConfigureAwait(false);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await using (var batch = new NpgsqlBatch(_connection))
        {
            _appends.AddLastWrites(batch);
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
