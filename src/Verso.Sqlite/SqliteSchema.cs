using System.Globalization;
using Microsoft.Data.Sqlite;
using Verso.Storage;

namespace Verso.Sqlite;

// The numbered migrations embedded from Schema/*.sql, and the table that records which ones ran.
internal static class SqliteSchema
{
    private static readonly IReadOnlyList<SchemaMigration> Migrations =
        SchemaMigration.LoadEmbedded(typeof(SqliteSchema).Assembly, "Verso.Sqlite.Schema.");

    public static int CurrentVersion => Migrations[^1].Version;

    public static async Task<SchemaUpgrade> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers go on while one writer appends; the mode is stored in the file, so set it once here.
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

        // Off for the migrations, as SQLite's table-rebuild procedure requires (it cannot change inside a
        // transaction); every key is checked before the commit and enforcement is back on afterwards.
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF;", cancellationToken).ConfigureAwait(false);
        try
        {
            return await MigrateWithoutForeignKeysAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await ExecuteAsync(connection, "PRAGMA foreign_keys = ON;", CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<SchemaUpgrade> MigrateWithoutForeignKeysAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(
            connection,
            "CREATE TABLE IF NOT EXISTS verso_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);",
            cancellationToken).ConfigureAwait(false);
        var from = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false) ?? 0;
        SchemaVersionCheck.EnsureNotNewer(from, CurrentVersion, "the store");

        foreach (var (version, sql) in Migrations.Where(m => m.Version > from))
        {
            await ExecuteAsync(connection, sql, cancellationToken).ConfigureAwait(false);
            await using var record = connection.CreateCommand();
            record.CommandText = "INSERT INTO verso_schema (version, applied_at) VALUES ($version, $at);";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA foreign_key_check;";
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string table)
            {
                throw new InvalidOperationException($"the schema upgrade left a dangling key in table {table}; nothing was changed");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SchemaUpgrade(from, CurrentVersion);
    }

    /// <summary>Fails unless the store was initialized with exactly this code's schema.</summary>
    public static async Task EnsureCurrentAsync(SqliteConnection connection, string dataSource, CancellationToken cancellationToken)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'verso_schema';";
        var hasTable = Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
        if (!hasTable)
        {
            await SqliteForeignCheck.EnsureOwnAsync(connection, dataSource, cancellationToken).ConfigureAwait(false);
        }

        var version = hasTable ? await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false) : null;
        SchemaVersionCheck.EnsureCurrent(version, CurrentVersion, dataSource);
    }

    private static async Task<int?> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM verso_schema;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement (or several) that returns nothing.</summary>
    public static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
