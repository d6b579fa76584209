using Microsoft.Data.Sqlite;

namespace Verso.Sqlite.Tests;

/// <summary>A statement run on a store's file from a connection of its own, as another process would.</summary>
internal static class SqliteFileSql
{
    /// <summary>What <paramref name="sql"/> answers first, on a fresh unpooled connection to <paramref name="path"/>.</summary>
    public static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
