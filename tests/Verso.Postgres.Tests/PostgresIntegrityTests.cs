using Npgsql;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Contract;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresIntegrityTests(PostgresServerFixture postgres) : IntegrityContract
{
    private PostgresVersionStore? _store;
    private string _connectionString = "";

    protected override async Task<IVersionStore> CreateStoreAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        _connectionString = PostgresConnectionStrings.ToNpgsql(uri);
        _store = new PostgresVersionStore(uri);
        await _store.InitializeAsync();
        return _store;
    }

    protected override async Task DisposeStoreAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    protected override Task FlipByteInBlobAsync(ContentHash hash) => ExecuteAsync(
        "UPDATE verso.blobs SET content = set_byte(content, length(content) / 2, get_byte(content, length(content) / 2) # 1) WHERE hash = $1;", Convert.FromHexString(hash.Hex));

    protected override Task SetSavedByAsync(EntityKey key, int version, string savedBy) => ExecuteAsync(
        "UPDATE verso.versions SET saved_by = $1 WHERE version = $2 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $3 AND id = $4);",
        savedBy, version, key.Kind, key.Id);

    protected override Task DeleteVersionAsync(EntityKey key, int version) => ExecuteAsync(
        "DELETE FROM verso.versions WHERE version = $1 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $2 AND id = $3);",
        version, key.Kind, key.Id);

    protected override Task MoveTagBehindTheStoreAsync(EntityKey key, string name, int version) => ExecuteAsync(
        "UPDATE verso.tags SET version = $1 WHERE name = $2 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $3 AND id = $4);",
        version, name, key.Kind, key.Id);

    protected override Task SetMessageAsync(EntityKey key, int version, string? message) => ExecuteAsync(
        "UPDATE verso.versions SET message = $1 WHERE version = $2 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $3 AND id = $4);",
        (object?)message ?? DBNull.Value, version, key.Kind, key.Id);

    protected override async Task CutTailAsync(EntityKey key, int version)
    {
        await ExecuteAsync(
            "DELETE FROM verso.versions WHERE version >= $1 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $2 AND id = $3);",
            version, key.Kind, key.Id);
        await ExecuteAsync(
            """
            UPDATE verso.entities e SET head = $1 - 1,
                head_hash = (SELECT v.hash FROM verso.versions v WHERE v.entity_pk = e.entity_pk AND v.version = $1 - 1)
            WHERE kind = $2 AND id = $3;
            """,
            version, key.Kind, key.Id);
    }

    protected override Task SetChainHashAsync(EntityKey key, int version, ContentHash chain) => ExecuteAsync(
        "UPDATE verso.versions SET chain_hash = $1 WHERE version = $2 AND entity_pk = (SELECT entity_pk FROM verso.entities WHERE kind = $3 AND id = $4);",
        Convert.FromHexString(chain.Hex), version, key.Kind, key.Id);

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
