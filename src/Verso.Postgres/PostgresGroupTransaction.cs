using System.Data.Common;
using Npgsql;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// The group commit's transaction on the server. Each append locks its head row as it comes (a head the store
// remembers is locked and verified in the group's first round trip instead, see PostgresVersionStore.GroupHeads); the change
// sequence's lock is taken only in the last round trip, with every version row of the transaction, and held
// through the commit: sequence order stays commit order, while the head locks, reads and blob writes of
// transactions in other processes run beside this one's commit instead of queueing behind it. Heads are
// therefore no longer locked in one store-wide order: two transactions that lock the same heads in opposite
// orders deadlock, PostgreSQL aborts one (40P01, after deadlock_timeout), nothing of it was committed, and
// the store runs its appends again (PostgresVersionStore.CommitAsync). A lone append (one caller, one version) is
// first tried as one statement outside any transaction (PostgresVersionStore.LoneAppend); the transaction begins
// only when that cannot decide it.
internal sealed class PostgresGroupTransaction : IGroupTransaction
{
    private readonly PostgresVersionStore _store;
    private readonly NpgsqlConnection _connection;

    // Begun by the first append that needs it: a lone append first tries its one statement outside any transaction.
    private NpgsqlTransaction? _transaction;

    // The group is one append of one caller (LockAsync saw one request), so that append may go alone.
    private bool _lone;

    // The group's remembered heads that its first round trip locked and found as remembered (LockAsync).
    private Dictionary<EntityKey, PostgresVersionStore.LockedHead> _verified = [];

    // What the appends wrote early (sent with the next head lock's round trip) and what waits for the last round
    // trip. A write fails by itself only when the whole store does (read-only, full), which fails every caller of
    // the group alike.
    private readonly PostgresTransactionAppends _appends = new();

    private PostgresGroupTransaction(PostgresVersionStore store, NpgsqlConnection connection)
    {
        _store = store;
        _connection = connection;
    }

    public DbTransaction Transaction => _transaction ?? throw new InvalidOperationException("no transaction was begun");

    public static async Task<IGroupTransaction> BeginAsync(PostgresVersionStore store, PostgresConnections connections, CancellationToken cancellationToken) =>
        new PostgresGroupTransaction(store, await connections.OpenAsync(cancellationToken).ConfigureAwait(false));

    // The heads of the whole group, in key order, in one round trip: without it each append locks its head as it
    // comes, and two processes' groups over the same entities in different orders would deadlock (and wait out
    // deadlock_timeout before one runs again). A group of one entity has no order to keep.
    public async Task LockAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        _lone = requests.Count == 1;
        var keys = requests.Select(r => r.Key).Distinct().ToList();
        if (keys.Count >= 2)
        {
            await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            _verified = await _store.LockGroupHeadsAsync(_connection, keys, _appends, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        if (_lone && _transaction is null && await _store.TryAppendAloneAsync(_connection, request, cancellationToken).ConfigureAwait(false) is { } alone)
        {
            return alone;
        }

        await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // A head verified in the group's first round trip holds for the entity's first append here only; a later one
        // builds on what the append before it left, when that was a delta on a keyframe held here.
        PostgresVersionStore.LockedHead? known = _verified.Remove(request.Key, out var verified) && _appends.VersionsOf(request.Key).Count == 0
            ? verified
            : _appends.HeadAfter(request.Key);
        return await PostgresVersionStore.AppendInTransactionAsync(_connection, request, _appends, known, cancellationToken).ConfigureAwait(false);
    }

    // One caller's batch: several requests in a few round trips (see PostgresVersionStore.Batch).
    public async Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 1)
        {
            return [await AppendAsync(requests[0], cancellationToken).ConfigureAwait(false)];
        }

        await BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresVersionStore.AppendManyInTransactionAsync(_connection, requests, _appends, cancellationToken).ConfigureAwait(false);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
        {
            // The lone append's statement committed itself.
            return;
        }

        await using (var batch = new NpgsqlBatch(_connection))
        {
            _appends.AddLastWrites(batch);
            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _store.RememberCommitted(_appends);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }

        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    // Npgsql sends BEGIN with the transaction's first round trip.
    private async Task BeginTransactionAsync(CancellationToken cancellationToken) =>
        _transaction ??= await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
}
