using System.Data.Common;
using Microsoft.Data.Sqlite;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

// The group commit's transaction on the file: BEGIN IMMEDIATE takes the write lock before any head is
// read, so no other process can slip in between. It runs on the store's kept write connection, whose
// session keeps the append's statements prepared from one transaction to the next (see SqliteWriter).
internal sealed class SqliteGroupTransaction : IGroupTransaction
{
    private readonly SqliteWriter _writer;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteAppendSession _session;
    private int _appends;
    private bool _committed;

    private SqliteGroupTransaction(SqliteWriter writer, SqliteAppendSession session, SqliteTransaction transaction)
    {
        _writer = writer;
        _session = session;
        _transaction = transaction;
        session.Transaction = transaction;
    }

    public DbTransaction Transaction => _transaction;

    public static async Task<IGroupTransaction> BeginAsync(SqliteWriter writer, CancellationToken cancellationToken)
    {
        var session = await writer.AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var group = new SqliteGroupTransaction(writer, session, session.Connection.BeginTransaction(deferred: false));
            await session.BeganAsync(cancellationToken).ConfigureAwait(false);
            return group;
        }
        catch
        {
            await writer.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        _appends++;
        return _session.AppendAsync(request, cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        _session.Transaction = null;
        try
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            if (_committed)
            {
                _writer.Committed(_appends);
            }
            else
            {
                // Rolled back (a conflict, a driver fault): the next transaction starts on a fresh connection.
                await _writer.CloseAsync().ConfigureAwait(false);
            }
        }
    }
}
