using System.Globalization;
using Npgsql;
using Verso.Storage.Relational.Compression;

namespace Verso.Postgres.Tests;

/// <summary>
/// What the PostgreSQL tests do to a database beside the store: run a statement, count rows, wait for a session
/// to block on a lock, rewrite blobs as an older store kept them.
/// </summary>
internal static class PostgresSql
{
    private const string SessionsWaitingOnALock =
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database();";

    public static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await ExecuteAsync(connection, sql);
    }

    /// <summary>The number a statement such as <c>SELECT count(*) …</c> answers.</summary>
    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Until this many sessions of the database wait on a lock, or <paramref name="unlessDone"/> ended without waiting.</summary>
    public static async Task WaitUntilWaitingAsync(string connectionString, int sessions = 1, Task? unlessDone = null)
    {
        while (unlessDone is not { IsCompleted: true } && await ScalarAsync(connectionString, SessionsWaitingOnALock) < sessions)
        {
            await Task.Delay(10);
        }
    }

    /// <summary>Every blob stored whole, as a store kept them before deltas (schema 7).</summary>
    public static async Task StoreEveryBlobWholeAsync(NpgsqlConnection connection)
    {
        var rows = new List<(byte[] Hash, byte[] Content)>();
        await using (var read = new NpgsqlCommand("SELECT b.hash, b.content, b.base, d.content FROM verso.blobs b LEFT JOIN verso.blobs d ON d.blob_pk = b.base;", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var canonical = StoredContent.Decode((byte[])reader[1], !reader.IsDBNull(2), reader.IsDBNull(3) ? null : (byte[])reader[3]);
                rows.Add(((byte[])reader[0], StoredContent.Encode(canonical)));
            }
        }

        foreach (var (hash, content) in rows)
        {
            await using var write = new NpgsqlCommand("UPDATE verso.blobs SET content = $1, base = NULL WHERE hash = $2;", connection);
            write.Parameters.Add(new NpgsqlParameter { Value = content });
            write.Parameters.Add(new NpgsqlParameter { Value = hash });
            await write.ExecuteNonQueryAsync();
        }
    }
}
