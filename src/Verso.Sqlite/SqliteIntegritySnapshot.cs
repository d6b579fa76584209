using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Storage.Relational.Reading;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Sqlite;

// Everything verify reads, in one read transaction on one connection. Driver errors met while reading
// (a damaged page stops a scan) are translated here, so the verifier can report them and go on.
internal sealed class SqliteIntegritySnapshot : RelationalIntegritySnapshot
{
    // integrity_check stops after this many problems; a badly damaged file would otherwise print thousands.
    private const int MaxStorageProblems = 50;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _dataSource;

    private SqliteIntegritySnapshot(SqliteConnection connection, SqliteTransaction transaction, string dataSource)
        : base(SqliteDialect.Instance)
    {
        _connection = connection;
        _transaction = transaction;
        _dataSource = dataSource;
    }

    public static async Task<SqliteIntegritySnapshot> BeginAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        var transaction = connection.BeginTransaction(deferred: true);
        // A deferred transaction takes its snapshot at its first read: take it now, before anything else is read.
        await using var start = connection.CreateCommand();
        start.CommandText = "SELECT count(*) FROM verso_schema;";
        await start.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return new SqliteIntegritySnapshot(connection, transaction, dataSource);
    }

    public override async Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        try
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA {(quick ? "quick_check" : "integrity_check")}({MaxStorageProblems});";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var line = reader.IsDBNull(0) ? "" : reader.GetString(0);
                if (line != "ok")
                {
                    problems.Add($"SQLite {(quick ? "quick_check" : "integrity_check")}: {line}");
                }
            }
        }
        catch (SqliteException exception)
        {
            problems.Add($"SQLite could not check {_dataSource}: {SqliteFaults.Translate(exception, _dataSource)!.Message}");
        }

        return problems;
    }

    public override async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    protected override async IAsyncEnumerable<T> ReadAsync<T>(IntegrityQuery<T> query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = query.Sql;
        await foreach (var item in IntegrityRows.ReadAsync<SqliteDataReader, SqliteException, T>(
            command, row => query.Map(row), exception => SqliteFaults.Translate(exception, _dataSource)!, _dataSource, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
