using Microsoft.Data.Sqlite;
using Verso.Storage;
using Verso.Storage.Relational.Compression;
using Verso.Testing.Support;
using Verso.Testing.Upgrades;

namespace Verso.Sqlite.Tests;

/// <summary>Stores of every earlier schema, built by their own migrations and SQL, upgrade in place (see <see cref="SchemaUpgradeContract"/>).</summary>
public sealed class SqliteSchemaUpgradeTests : SchemaUpgradeContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Path => _directory.File("old.db");

    protected override int CurrentSchema => 9;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    protected override async Task CreateAtSchemaAsync(IReadOnlyList<int> steps)
    {
        var assembly = typeof(SqliteVersionStore).Assembly;
        var all = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Verso.Sqlite.Schema.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var migrations = steps.Select(step => all[step - 1]).ToList();
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "PRAGMA foreign_keys = OFF; PRAGMA journal_mode = WAL; CREATE TABLE verso_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);");
        for (var n = 0; n < migrations.Count; n++)
        {
            await using var stream = assembly.GetManifestResourceStream(migrations[n])!;
            await ExecuteAsync(connection, await new StreamReader(stream).ReadToEndAsync());
            await ExecuteAsync(connection, $"INSERT INTO verso_schema VALUES ({n + 1}, '2026-01-01T00:00:00Z');");
        }
    }

    protected override async Task<long> InsertAsync(string table, IReadOnlyList<(string Column, object? Value)> row)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", row.Select(c => c.Column))}) VALUES ({string.Join(", ", row.Select((_, n) => "$p" + n))}) {(table == "entities" ? "RETURNING entity_pk" : "RETURNING 0")};";
        for (var n = 0; n < row.Count; n++)
        {
            command.Parameters.AddWithValue("$p" + n, row[n].Value switch
            {
                null => DBNull.Value,
                DateTimeOffset time => SqliteDialect.ToMicroseconds(time),
                var value => value,
            });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override byte[] Keyframe(byte[] canonical) => StoredContent.Encode(canonical);

    protected override byte[] Delta(byte[] canonical, string baseHash, byte[] baseStored) =>
        StoredContent.EncodeDelta(canonical, baseHash, baseStored) ?? throw new InvalidOperationException("the history's deltas must pay");

    protected override async Task<(IVersionStore Store, SchemaUpgrade Upgrade)> UpgradeAsync()
    {
        SqliteConnection.ClearAllPools();
        var refused = await Assert.ThrowsAsync<Errors.StoreUnavailableException>(() => SqliteVersionStore.ForFile(Path).GetLatestAsync(LegacyHistory.Alice));
        Assert.Contains("older", refused.Message, StringComparison.Ordinal);
        var store = SqliteVersionStore.ForFile(Path);
        return (store, await store.InitializeAsync());
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
