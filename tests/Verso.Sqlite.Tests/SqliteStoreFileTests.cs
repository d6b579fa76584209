using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Testing.Support;

using static Verso.Sqlite.Tests.SqliteFileSql;

namespace Verso.Sqlite.Tests;

/// <summary>What only the SQLite store has: a file, its schema, its journal mode and its locking.</summary>
public sealed class SqliteStoreFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AStoreThatWasNeverInitializedSaysToRunInitAndCreatesNoFile()
    {
        var path = _directory.File("missing.db");
        var store = SqliteVersionStore.ForFile(path);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetLatestAsync(Some.Key()));

        Assert.Contains("verso init", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task AnEmptySqliteFileIsNotTakenForAStore()
    {
        var path = _directory.File("empty.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE unrelated (x INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<StoreFailureException>(
            () => SqliteVersionStore.ForFile(path).AppendAsync(Some.Append(Some.Key(), Some.Document(1))));
        var init = await Assert.ThrowsAsync<StoreFailureException>(() => SqliteVersionStore.ForFile(path).InitializeAsync());

        Assert.Contains("not a Verso store", error.Message, StringComparison.Ordinal);
        Assert.Equal(StoreFailureCause.NotAStore, error.Cause);
        Assert.Equal(StoreFailureCause.NotAStore, init.Cause);
    }

    [Fact]
    public async Task InitCreatesTheLatestSchemaInWalModeAndRepeatingItChangesNothing()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);

        var first = await store.InitializeAsync();
        var second = await store.InitializeAsync();

        Assert.Equal((0, 9), (first.FromVersion, first.ToVersion));
        Assert.False(second.Changed);
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
        Assert.Equal(9L, await ScalarAsync(path, "SELECT max(version) FROM verso_schema;"));
    }

    [Fact]
    public async Task AStoreAtSchemaOneIsRefusedUntilInitUpgradesItKeepingItsVersions()
    {
        var path = _directory.File("verso.db");
        var key = Some.Key();
        var document = Some.Document(1);
        // A file exactly as schema 1 wrote it: its migration alone, and one version stored the way it stored them.
        await ScalarAsync(path, SchemaOneSql() + $"""
            CREATE TABLE verso_schema (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
            INSERT INTO verso_schema VALUES (1, '2026-01-01T00:00:00Z');
            INSERT INTO blobs VALUES ('{document.Hash.Hex}', CAST('{System.Text.Encoding.UTF8.GetString(document.Utf8.Span)}' AS BLOB));
            INSERT INTO entities (kind, id, head, head_hash, head_saved_at) VALUES ('{key.Kind}', '{key.Id}', 1, '{document.Hash.Hex}', 0);
            INSERT INTO versions VALUES (1, 1, '{document.Hash.Hex}', 'tester', 0, NULL, 'save', 1);
            """);
        SqliteConnection.ClearAllPools();

        var refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => SqliteVersionStore.ForFile(path).GetLatestAsync(key));
        var upgrade = await SqliteVersionStore.ForFile(path).InitializeAsync();
        var upgraded = SqliteVersionStore.ForFile(path);

        Assert.Contains("older", refused.Message, StringComparison.Ordinal);
        Assert.Equal((1, 9), (upgrade.FromVersion, upgrade.ToVersion));
        var read = (await upgraded.GetLatestAsync(key))!;
        Assert.Equal((document.Hash, 1, "tester"), (read.Hash, read.Version, read.SavedBy));
        Assert.Equal(document.Utf8.ToArray(), read.Content.ToArray());
        Assert.Empty(await upgraded.FindReferrersAsync(key, 1));
        // The rebuilt versions table still takes appends, and the old version can be pruned like any other.
        await upgraded.AppendAsync(Some.Append(key, Some.Document(2)));
        var pruned = await upgraded.PruneAsync(key, new Storage.Retention.RetentionPolicy(1), new Model.Snapshots.ContentRemoval(Model.Snapshots.ContentRemovalKind.Pruned, "ops", Some.Instant, null));
        Assert.Equal([1], pruned.Versions.ToArray());
    }

    [Fact]
    public async Task AStoreWithANewerSchemaIsRefused()
    {
        var path = _directory.File("verso.db");
        await SqliteVersionStore.ForFile(path).InitializeAsync();
        await ScalarAsync(path, "INSERT INTO verso_schema (version, applied_at) VALUES (99, 'future');");
        SqliteConnection.ClearAllPools();

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => SqliteVersionStore.ForFile(path).GetLatestAsync(Some.Key()));

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriterWaitsForAnotherWritersTransactionInsteadOfFailing()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        var key = Some.Key();

        // Another connection (as another process would) holds the write lock.
        await using var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
        await blocker.OpenAsync();
        var transaction = blocker.BeginTransaction(deferred: false);
        // Microsoft.Data.Sqlite blocks inside its async methods, so the waiting writer needs its own thread.
        var append = Task.Run(() => store.AppendAsync(Some.Append(key, Some.Document(1))));
        var finishedWhileLocked = await Task.WhenAny(append, Task.Delay(300)) == append;
        await transaction.CommitAsync();
        var result = await append;

        Assert.False(finishedWhileLocked, "the append must wait for the lock holder");
        Assert.Equal(1, result.Head.Version);
    }

    [Fact]
    public async Task IdenticalContentsShareOneBlobRow()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        await store.AppendAsync(Some.Append(Some.Key(), Some.Document(1)));
        await store.AppendAsync(Some.Append(Some.Key("workflow"), Some.Document(1)));

        Assert.Equal(1L, await ScalarAsync(path, "SELECT count(*) FROM blobs;"));
        Assert.Equal(2L, await ScalarAsync(path, "SELECT count(*) FROM versions;"));
    }

    [Fact]
    public async Task ACompressibleContentIsStoredCompressedAndAnOldUncompressedRowStillReads()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        var key = Some.Key();
        var charter = string.Concat(Enumerable.Range(0, 400).Select(n => $"- rule {n}: review every change with care\n"));
        var large = Some.Json($$"""{"charter":{{System.Text.Json.JsonSerializer.Serialize(charter)}}}""");
        await store.AppendAsync(Some.Append(key, large));
        // A row as a store before compression wrote it: the canonical bytes themselves, no size.
        var old = Some.Json($$"""{"charter":{{System.Text.Json.JsonSerializer.Serialize(charter + "old")}}}""");
        await ScalarAsync(path, $"UPDATE blobs SET content = CAST('{System.Text.Encoding.UTF8.GetString(large.Utf8.Span)}' AS BLOB), size = NULL;");
        SqliteConnection.ClearAllPools();

        var stored = (long)(await ScalarAsync(path, "SELECT length(content) FROM blobs;"))!;
        var reread = (await SqliteVersionStore.ForFile(path).GetLatestAsync(key))!;

        Assert.Equal(large.Utf8.ToArray(), reread.Content.ToArray());
        Assert.Equal(large.Length, stored);
        var again = SqliteVersionStore.ForFile(path);
        await again.AppendAsync(Some.Append(key, old));
        Assert.True((long)(await ScalarAsync(path, $"SELECT length(content) FROM blobs WHERE hash = X'{old.Hash.Hex}';"))! < old.Length / 4);
        Assert.Equal((long)old.Length, await ScalarAsync(path, $"SELECT size FROM blobs WHERE hash = X'{old.Hash.Hex}';"));
        Assert.Equal(old.Utf8.ToArray(), (await again.GetLatestAsync(key))!.Content.ToArray());
    }

    private static string SchemaOneSql()
    {
        using var stream = typeof(SqliteVersionStore).Assembly.GetManifestResourceStream("Verso.Sqlite.Schema.001_initial.sql")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
