using Microsoft.Data.Sqlite;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

/// <summary>
/// A save by the kept write connection whose content another version already stored: with the entity's keyframe
/// remembered, the blob's presence is not looked up first, so the insert must leave the stored blob alone and the
/// entity's next delta must not be built on it as if it were new.
/// </summary>
public sealed class SqliteBlobReuseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AContentAnotherEntityStoredIsKeptOnceAndTheHistoryAfterItReadsBack()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        var (mine, other) = (Some.Key(), Some.Key());
        await store.AppendAsync(Some.Append(mine, Charters.Edited(0)));
        await store.AppendAsync(Some.Append(mine, Charters.Edited(1)));
        await store.AppendAsync(Some.Append(other, Charters.Edited(5)));
        var blobsBefore = await BlobsAsync(path);

        // Remembered keyframe, existing blob: nothing is inserted.
        var shared = await store.AppendAsync(Some.Append(mine, Charters.Edited(5)));
        var blobsAfterShared = await BlobsAsync(path);
        await store.AppendAsync(Some.Append(mine, Charters.Edited(6)));
        // An earlier version's content again (a revert), then one more edit.
        await store.AppendAsync(Some.Append(mine, Charters.Edited(1)));
        await store.AppendAsync(Some.Append(mine, Charters.Edited(7)));

        Assert.Equal((AppendOutcome.Created, 3), (shared.Outcome, shared.Head.Version));
        Assert.Equal(blobsBefore, blobsAfterShared);
        Assert.Equal(blobsBefore + 2, await BlobsAsync(path));
        int[] edits = [0, 1, 5, 6, 1, 7];
        for (var version = 1; version <= edits.Length; version++)
        {
            Assert.Equal(Charters.Edited(edits[version - 1]).Utf8.ToArray(), (await store.GetVersionAsync(mine, version))!.Content.ToArray());
        }

        Assert.Equal(Charters.Edited(5).Utf8.ToArray(), (await store.GetLatestAsync(other))!.Content.ToArray());
        var report = await IntegrityVerifier.VerifyAsync(store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        await store.DisposeAsync();
    }

    private static async Task<long> BlobsAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM blobs;";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
