using System.Globalization;
using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Schema;

namespace Verso.Postgres;

// The numbered migrations embedded from Schema/*.sql, and the table that records which ones ran.
internal static class PostgresSchema
{
    // Any constant works; it only has to be the same for every Verso process on the server.
    private const long MigrationLockKey = 0x5665_7273_6F00;

    private const string UndefinedTable = "42P01";
    private const string UndefinedSchema = "3F000";

    private static readonly IReadOnlyList<SchemaMigration> Migrations =
        SchemaMigration.LoadEmbedded(typeof(PostgresSchema).Assembly, "Verso.Postgres.Schema.");

    // Before both stores numbered their steps alike, this store ran content removals as 4, import
    // sources as 5 and the change sequence as 6 (see MigrationPlan).
    private static readonly Dictionary<int, int> OldNumbers = new() { [4] = 5, [5] = 6, [6] = 4 };

    public static int CurrentVersion => Migrations[^1].Version;

    public static async Task<SchemaUpgrade> MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Two inits at once would both see schema 0; the lock makes the second wait and then find 1.
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection,
            """
            CREATE SCHEMA IF NOT EXISTS verso;
            CREATE TABLE IF NOT EXISTS verso.verso_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
            """,
            cancellationToken).ConfigureAwait(false);
        var from = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false) ?? 0;
        SchemaVersionCheck.EnsureNotNewer(from, CurrentVersion, "the store");

        var plan = MigrationPlan.For(Migrations, from, OldNumbers);
        if (plan.Renumbered.Count > 0)
        {
            await ExecuteAsync(connection, plan.RenumberSql("verso.verso_schema"), cancellationToken).ConfigureAwait(false);
        }

        foreach (var migration in plan.Pending)
        {
            await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                string.Create(CultureInfo.InvariantCulture, $"INSERT INTO verso.verso_schema (version) VALUES ({migration.Version});"),
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new SchemaUpgrade(from, CurrentVersion);
    }

    /// <summary>Fails unless the database was initialized with exactly this code's schema.</summary>
    public static async Task EnsureCurrentAsync(NpgsqlConnection connection, string where, CancellationToken cancellationToken)
    {
        int? version;
        try
        {
            version = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException exception) when (exception.SqlState is UndefinedTable or UndefinedSchema)
        {
            version = null;
        }

        SchemaVersionCheck.EnsureCurrent(version, CurrentVersion, where);
    }

    private static async Task<int?> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT max(version) FROM verso.verso_schema;", connection);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
