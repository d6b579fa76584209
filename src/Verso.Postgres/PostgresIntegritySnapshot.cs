using System.Runtime.CompilerServices;
using Npgsql;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage.Relational.Reading;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Postgres;

// Everything verify reads, in one REPEATABLE READ transaction on one connection, one reader at a time.
internal sealed class PostgresIntegritySnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string where) : RelationalIntegritySnapshot(PostgresDialect.Instance)
{
    // PostgreSQL checks its pages itself (checksums, when the cluster has them) and has no per-database
    // integrity_check without the amcheck extension; the rows verify reads are the check.
    public override Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public override async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync().ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    protected override async IAsyncEnumerable<T> ReadAsync<T>(IntegrityQuery<T> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // No command timeout (Npgsql's default is 30 s): the scan of every version in key order grows with the store,
        // and on ten million versions the server sorts for longer than that before the first row; the caller's
        // token still cancels it.
        await using var command = new NpgsqlCommand(query.Sql, connection, transaction) { CommandTimeout = 0 };
        await foreach (var item in IntegrityRows.ReadAsync<NpgsqlDataReader, NpgsqlException, T>(
            command, row => query.Map(row), exception => PostgresFaults.Translate(exception, where)!, where, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
