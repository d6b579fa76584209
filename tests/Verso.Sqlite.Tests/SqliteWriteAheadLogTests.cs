using Microsoft.Data.Sqlite;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Integrity;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

/// <summary>
/// The write-ahead log under a steady writer: the kept write connection's checkpoints run in the background, and
/// every <see cref="SqliteWriter.RewindEvery"/> appends a catch-up lets SQLite start the log over, so the log file
/// stays bounded however many saves follow each other (it grew by every save's pages before).
/// </summary>
public sealed class SqliteWriteAheadLogTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task ALongRunOfSavesKeepsTheLogBoundedAndEveryVersionIntact()
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path, SqliteSynchronous.Normal);
        await store.InitializeAsync();
        var key = Some.Key();
        const int First = 64;
        await AppendEditsAsync(store, key, 0, First);
        // What an append adds to the log before anything rewinds it.
        var perAppend = (double)new FileInfo(path + "-wal").Length / First;

        const int Appends = 4 * SqliteWriter.RewindEvery;
        await AppendEditsAsync(store, key, First, Appends - First);

        // The log is never rewound past twice RewindEvery appends; without rewinds it would hold all of them.
        var log = new FileInfo(path + "-wal").Length;
        Assert.True(log < perAppend * 2.5 * SqliteWriter.RewindEvery, $"the log holds {log:N0} B, {log / perAppend:N0} appends' worth after {Appends}");
        Assert.Equal(Appends, await store.CountVersionsAsync(key));
        Assert.Equal(Charters.Edited(Appends - 1).Utf8.ToArray(), (await store.GetLatestAsync(key))!.Content.ToArray());
        var report = await IntegrityVerifier.VerifyAsync(store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        await store.DisposeAsync();
    }

    private static async Task AppendEditsAsync(SqliteVersionStore store, EntityKey key, int first, int count)
    {
        for (var edit = first; edit < first + count; edit++)
        {
            var result = await store.AppendAsync(Some.Append(key, Charters.Edited(edit)));
            Assert.Equal((AppendOutcome.Created, edit + 1), (result.Outcome, result.Head.Version));
        }
    }
}
