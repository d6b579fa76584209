using System.Data.Common;
using Microsoft.Data.Sqlite;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

// The group commit's transaction on the file: BEGIN IMMEDIATE takes the write lock before any head is
// read, so no other process can slip in between; the appends share one session of prepared statements.
internal sealed class SqliteGroupTransaction : IGroupTransaction
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteAppendSession _session;

    private SqliteGroupTransaction(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _session = new SqliteAppendSession(connection) { Transaction = transaction };
    }

    public DbTransaction Transaction => _transaction;

    public static async Task<IGroupTransaction> BeginAsync(SqliteConnectionFactory connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new SqliteGroupTransaction(connection, connection.BeginTransaction(deferred: false));
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken) =>
        _session.AppendAsync(request, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync().ConfigureAwait(false);
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
