using Npgsql;
using NpgsqlTypes;
using Verso.Storage;
using Verso.Storage.Relational.Compression;
using Verso.Testing.Postgres;
using Verso.Testing.Upgrades;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>Stores of every earlier schema, built by their own migrations and SQL, upgrade in place (see <see cref="SchemaUpgradeContract"/>).</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaUpgradeTests(PostgresServerFixture postgres) : SchemaUpgradeContract, IAsyncLifetime
{
    private string _uri = "";
    private PostgresVersionStore? _store;

    protected override int CurrentSchema => 9;

    public async Task InitializeAsync() => _uri = await postgres.Server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    // A store left at 4 or 5 can only come from a binary that numbered content removals 4 and import sources
    // 5 (the change sequence was its 6): today's binaries always upgrade past those numbers in one go.
    protected override IReadOnlyList<int> StepsAt(int schema) => schema switch
    {
        4 => [1, 2, 3, 5],
        5 => [1, 2, 3, 5, 6],
        _ => base.StepsAt(schema),
    };

    protected override async Task CreateAtSchemaAsync(IReadOnlyList<int> steps)
    {
        var assembly = typeof(PostgresVersionStore).Assembly;
        var all = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Verso.Postgres.Schema.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, "CREATE SCHEMA verso; CREATE TABLE verso.verso_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());");
        for (var n = 0; n < steps.Count; n++)
        {
            await using var stream = assembly.GetManifestResourceStream(all[steps[n] - 1])!;
            await ExecuteAsync(connection, await new StreamReader(stream).ReadToEndAsync());
            await ExecuteAsync(connection, $"INSERT INTO verso.verso_schema (version) VALUES ({n + 1});");
        }
    }

    protected override async Task<long> InsertAsync(string table, IReadOnlyList<(string Column, object? Value)> row)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            $"INSERT INTO verso.{table} ({string.Join(", ", row.Select(c => c.Column))}) VALUES ({string.Join(", ", row.Select((_, n) => "$" + (n + 1)))}) {(table == "entities" ? "RETURNING entity_pk" : "RETURNING 0::bigint")};",
            connection);
        foreach (var (_, value) in row)
        {
            command.Parameters.Add(value switch
            {
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
                DateTimeOffset time => new NpgsqlParameter { Value = time.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                byte[] bytes => new NpgsqlParameter { Value = bytes, NpgsqlDbType = NpgsqlDbType.Bytea },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    protected override byte[] Keyframe(byte[] canonical) => StoredContent.Encode(canonical);

    protected override byte[] Delta(byte[] canonical, string baseHash, byte[] baseStored) =>
        StoredContent.EncodeDelta(canonical, baseHash, baseStored) ?? throw new InvalidOperationException("the history's deltas must pay");

    protected override async Task<(IVersionStore Store, SchemaUpgrade Upgrade)> UpgradeAsync()
    {
        _store = new PostgresVersionStore(_uri);
        return (_store, await _store.InitializeAsync());
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(_uri));
        await connection.OpenAsync();
        return connection;
    }
}
