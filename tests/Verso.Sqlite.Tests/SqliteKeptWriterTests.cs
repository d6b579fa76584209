using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Model.Snapshots;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Storage.Retention;
using Verso.Testing.Support;

using static Verso.Sqlite.Tests.SqliteFileSql;

namespace Verso.Sqlite.Tests;

/// <summary>
/// The store's kept write connection: its statements stay prepared and it remembers the heads and keyframes it
/// wrote from one transaction to the next. Each test changes the file behind its back, the way another process,
/// gc or a failed transaction does, and checks that the next append reads the file, not what it remembers.
/// </summary>
public sealed class SqliteKeptWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AnAppendAfterAnotherProcesssAppendFollowsItsVersionAndChain()
    {
        var (store, path) = await CreateAsync();
        var key = Some.Key();
        await AppendEditsAsync(store, key, 0, 3);
        // Another store instance on the file, as another process would be.
        var other = SqliteVersionStore.ForFile(path);
        await other.AppendAsync(Some.Append(key, Charters.Edited(3)));

        var next = await store.AppendAsync(Some.Append(key, Charters.Edited(4)));

        Assert.Equal(5, next.Head.Version);
        await AssertHistoryAsync(store, key, 5);
    }

    [Fact]
    public async Task AnAppendAfterAnotherProcessPrunedTheKeyframeDoesNotBuildOnIt()
    {
        var (store, path) = await CreateAsync();
        var key = Some.Key();
        await AppendEditsAsync(store, key, 0, 6);
        // Pruning all but the head removes the keyframe the head's delta is on and re-encodes the head.
        var other = SqliteVersionStore.ForFile(path);
        var pruned = await other.PruneAsync(key, new RetentionPolicy(1), new ContentRemoval(ContentRemovalKind.Pruned, "ops", Some.Instant, null));

        await store.AppendAsync(Some.Append(key, Charters.Edited(6)));

        Assert.Equal([1, 2, 3, 4, 5], pruned.Versions.ToArray());
        Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM blobs b LEFT JOIN blobs k ON k.blob_pk = b.base WHERE b.base IS NOT NULL AND k.blob_pk IS NULL;"));
        Assert.Equal(Charters.Edited(6).Utf8.ToArray(), (await store.GetVersionAsync(key, 7))!.Content.ToArray());
        Assert.Equal(Charters.Edited(5).Utf8.ToArray(), (await store.GetVersionAsync(key, 6))!.Content.ToArray());
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
    }

    [Fact]
    public async Task KeptStatementsStillWorkAfterAnotherConnectionChangedTheSchemaAndGcRepackedTheFile()
    {
        var (store, path) = await CreateAsync();
        var key = Some.Key();
        await AppendEditsAsync(store, key, 0, 2);
        await ScalarAsync(path, "CREATE TABLE someone_elses (x INTEGER); CREATE INDEX someone_elses_x ON someone_elses (x);");
        await AppendEditsAsync(store, key, 2, 2);
        await store.RepackAsync();
        await ScalarAsync(path, "DROP TABLE someone_elses; VACUUM;");

        await AppendEditsAsync(store, key, 4, 2);

        await AssertHistoryAsync(store, key, 6);
    }

    [Fact]
    public async Task TheStoreWritesAgainAfterItsWriteConnectionWasClosed()
    {
        var (store, _) = await CreateAsync();
        var key = Some.Key();
        await AppendEditsAsync(store, key, 0, 2);

        await store.DisposeAsync();
        await AppendEditsAsync(store, key, 2, 2);

        await AssertHistoryAsync(store, key, 4);
    }

    [Fact]
    public async Task AFailedBatchLeavesNothingRememberedForTheNextAppend()
    {
        var (store, _) = await CreateAsync();
        var key = Some.Key();
        await AppendEditsAsync(store, key, 0, 2);

        // The first of the batch is appended inside the transaction, then the second fails it whole.
        await Assert.ThrowsAsync<VersionConflictException>(() => store.AppendBatchAsync(
            [Some.Append(key, Charters.Edited(90)), Some.Append(key, Charters.Edited(91)) with { ExpectedVersion = 7 }]));
        await Assert.ThrowsAsync<VersionConflictException>(() => store.AppendAsync(Some.Append(key, Charters.Edited(92)) with { ExpectedVersion = 1 }));
        await AppendEditsAsync(store, key, 2, 2);

        await AssertHistoryAsync(store, key, 4);
    }

    private async Task<(SqliteVersionStore Store, string Path)> CreateAsync()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        return (store, path);
    }

    // Edits first .. first + count - 1 of the charter, one append each, versions first + 1 ...
    private static async Task AppendEditsAsync(SqliteVersionStore store, EntityKey key, int first, int count)
    {
        for (var edit = first; edit < first + count; edit++)
        {
            var result = await store.AppendAsync(Some.Append(key, Charters.Edited(edit)));
            Assert.Equal((AppendOutcome.Created, edit + 1), (result.Outcome, result.Head.Version));
        }
    }

    // Versions 1..count hold edits 0..count - 1, gapless, and every link of the chain holds.
    private static async Task AssertHistoryAsync(SqliteVersionStore store, EntityKey key, int count)
    {
        Assert.Equal(count, await store.CountVersionsAsync(key));
        for (var version = 1; version <= count; version++)
        {
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), (await store.GetVersionAsync(key, version))!.Content.ToArray());
        }

        var report = await IntegrityVerifier.VerifyAsync(store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
    }
}
