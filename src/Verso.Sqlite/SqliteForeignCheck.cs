using Microsoft.Data.Sqlite;
using Verso.Errors;

namespace Verso.Sqlite;

// A SQLite database that is not Verso's: init never adds Verso's tables to it, and other commands say
// what it is instead of "run 'verso init'".
internal static class SqliteForeignCheck
{
    /// <summary>Fails when the file is a SQLite database with tables but no Verso schema table.</summary>
    public static async Task EnsureOwnAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
            ORDER BY name LIMIT 4;
            """;
        var names = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }

        if (names.Count > 0 && !names.Contains("verso_schema") && !await HasSchemaTableAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            var shown = string.Join(", ", names.Take(3)) + (names.Count > 3 ? ", …" : "");
            throw new StoreFailureException(
                dataSource,
                StoreFailureCause.NotAStore,
                $"{dataSource} is not a Verso store (it is a SQLite database of something else, with tables {shown}); Verso adds its tables only to a new file or its own store");
        }
    }

    private static async Task<bool> HasSchemaTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'verso_schema';";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0;
    }
}
