using Npgsql;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>
/// Stores upgraded by a binary from before both stores numbered their schema steps alike: PostgreSQL ran
/// content removals as 4, import sources as 5 and the change sequence as 6.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOldNumberingTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task AStoreAnOldBinaryLeftAtSchemaFourUpgradesAndWorks()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        // Old 1..4: the first three steps, then content removals (now step 5), recorded as 1..4.
        await RunOldStepsAsync(uri, ("001_initial", 1), ("002_references_and_time", 2), ("003_rollback_and_tags", 3), ("005_content_removals", 4));
        await using var store = new PostgresVersionStore(uri);

        var upgrade = await store.InitializeAsync();

        Assert.Equal(new SchemaUpgrade(4, 9), upgrade);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], await AppliedAsync(uri));
        // The change sequence (step 4 now) ran; content removals (old 4) did not run twice.
        var key = Some.Key();
        for (var n = 1; n <= 3; n++)
        {
            await store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var changes = await store.ReadChangesAsync(0, 10);
        Assert.Equal([1, 2, 3], changes.Select(c => c.Ref.Version));
        var pruned = await store.PruneAsync(key, new RetentionPolicy(1), new ContentRemoval(ContentRemovalKind.Pruned, "ops", Some.Instant, "keep 1"));
        Assert.Equal([1, 2], pruned.Versions.ToArray());
        Assert.Equal(3, (await store.GetLatestAsync(key))!.Version);
    }

    [Fact]
    public async Task AStoreAtTheNewestSchemaIsLeftAsItIs()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        await using var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();

        var again = await store.InitializeAsync();

        Assert.Equal(new SchemaUpgrade(9, 9), again);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], await AppliedAsync(uri));
    }

    private static async Task RunOldStepsAsync(string uri, params (string File, int OldNumber)[] steps)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await connection.OpenAsync();
        await ExecuteAsync(connection, "CREATE SCHEMA verso; CREATE TABLE verso.verso_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());");
        foreach (var (file, number) in steps)
        {
            await using var stream = typeof(PostgresVersionStore).Assembly.GetManifestResourceStream($"Verso.Postgres.Schema.{file}.sql")!;
            using var reader = new StreamReader(stream);
            await ExecuteAsync(connection, await reader.ReadToEndAsync());
            await ExecuteAsync(connection, $"INSERT INTO verso.verso_schema (version) VALUES ({number});");
        }
    }

    private static async Task<List<int>> AppliedAsync(string uri)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM verso.verso_schema ORDER BY version;", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }
}
