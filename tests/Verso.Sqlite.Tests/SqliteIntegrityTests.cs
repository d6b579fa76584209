using Microsoft.Data.Sqlite;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Contract;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

public sealed class SqliteIntegrityTests : IntegrityContract
{
    private readonly TempDirectory _directory = new();

    private string DatabasePath => _directory.File("verso.db");

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var store = SqliteVersionStore.ForFile(DatabasePath);
        await store.InitializeAsync();
        return store;
    }

    protected override Task DisposeStoreAsync()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
        return Task.CompletedTask;
    }

    protected override async Task FlipByteInBlobAsync(ContentHash hash)
    {
        await using var connection = await OpenAsync();
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT content FROM blobs WHERE hash = $hash;";
        read.Parameters.AddWithValue("$hash", Convert.FromHexString(hash.Hex));
        var content = (byte[])(await read.ExecuteScalarAsync())!;
        content[content.Length / 2] ^= 0x01;
        await ExecuteAsync(connection, "UPDATE blobs SET content = $value WHERE hash = $hash;", ("$value", content), ("$hash", Convert.FromHexString(hash.Hex)));
    }

    protected override async Task SetSavedByAsync(EntityKey key, int version, string savedBy)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "UPDATE versions SET saved_by = $value WHERE version = $version AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$value", savedBy), ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
    }

    protected override async Task DeleteVersionAsync(EntityKey key, int version)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "DELETE FROM versions WHERE version = $version AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
    }

    protected override async Task MoveTagBehindTheStoreAsync(EntityKey key, string name, int version)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "UPDATE tags SET version = $version WHERE name = $name AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$version", version), ("$name", name), ("$kind", key.Kind), ("$id", key.Id));
    }

    protected override async Task SetMessageAsync(EntityKey key, int version, string? message)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "UPDATE versions SET message = $value WHERE version = $version AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$value", (object?)message ?? DBNull.Value), ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
    }

    protected override async Task CutTailAsync(EntityKey key, int version)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "DELETE FROM versions WHERE version >= $version AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
        await ExecuteAsync(connection, """
            UPDATE entities SET head = $version - 1,
                head_hash = (SELECT v.hash FROM versions v WHERE v.entity_pk = entities.entity_pk AND v.version = $version - 1)
            WHERE kind = $kind AND id = $id;
            """, ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
    }

    protected override async Task SetChainHashAsync(EntityKey key, int version, ContentHash chain)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "UPDATE versions SET chain_hash = $value WHERE version = $version AND entity_pk = (SELECT entity_pk FROM entities WHERE kind = $kind AND id = $id);",
            ("$value", Convert.FromHexString(chain.Hex)), ("$version", version), ("$kind", key.Kind), ("$id", key.Id));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
