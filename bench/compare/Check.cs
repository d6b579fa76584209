using Microsoft.Data.Sqlite;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Compare;

// The correctness every run must show before its figure counts.
internal static class Check
{
    /// <summary>The entity has exactly versions 1..<paramref name="count"/>, each once, newest first.</summary>
    public static async Task GaplessAsync(IVersionStore store, EntityKey key, int count)
    {
        if (await store.CountVersionsAsync(key) != count)
        {
            throw new InvalidOperationException($"{key} has {await store.CountVersionsAsync(key)} versions, not {count}");
        }

        var expected = count;
        await foreach (var snapshot in store.GetHistoryAsync(key, 0, int.MaxValue))
        {
            if (snapshot.Version != expected--)
            {
                throw new InvalidOperationException($"{key}: version {snapshot.Version} where {expected + 1} belongs");
            }
        }

        if (expected != 0)
        {
            throw new InvalidOperationException($"{key}: the history stops above version 1");
        }
    }

    public static async Task RawCountAsync(SqliteConnection connection, int count)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*), min(version), max(version) FROM versions;";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        if (reader.GetInt64(0) != count || reader.GetInt64(1) != 1 || reader.GetInt64(2) != count)
        {
            throw new InvalidOperationException($"the raw loop stored {reader.GetInt64(0)} rows, not {count}");
        }
    }
}
