using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Storage;

namespace Verso.Compare;

// History pages deep in a long history, and the bytes a history takes on disk.
internal static class StorageCases
{
    /// <summary>A store holding one entity with <paramref name="versions"/> small versions, built in batches.</summary>
    public static async Task<SqliteVersionStore> LongHistoryAsync(Scratch directory, EntityKey key, int versions)
    {
        var store = SqliteVersionStore.ForFile(directory.File("long.db"), SqliteSynchronous.Normal);
        await store.InitializeAsync();
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        for (var start = 0; start < versions; start += 10_000)
        {
            await store.AppendBatchAsync([.. Enumerable.Range(start, Math.Min(10_000, versions - start)).Select(n =>
                new AppendRequest(key, CanonicalJson.CreateDocument(System.Text.Encoding.UTF8.GetBytes($$"""{"n":{{n}}}""")), "bench", at.AddSeconds(n)))]);
        }

        await Check.GaplessAsync(store, key, versions);
        return store;
    }

    /// <summary>Microseconds per page of 20 at <paramref name="offset"/>, checking the page is the right one.</summary>
    public static async Task<double> PageMicrosecondsAsync(IVersionStore store, EntityKey key, int head, int offset, bool cursor, int reads)
    {
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < reads; n++)
        {
            var page = cursor
                ? store.GetHistoryBeforeAsync(key, head - offset + 1, 20)
                : store.GetHistoryAsync(key, offset, 20);
            var expected = head - offset;
            await foreach (var snapshot in page)
            {
                if (snapshot.Version != expected--)
                {
                    throw new InvalidOperationException($"page at {offset}: version {snapshot.Version} where {expected + 1} belongs");
                }
            }

            if (expected != head - offset - 20)
            {
                throw new InvalidOperationException($"page at {offset} is short");
            }
        }

        return clock.Elapsed.TotalMicroseconds / reads;
    }

    /// <summary>
    /// The write-ahead log one save adds: <paramref name="saves"/> one-line edits saved one at a time (each its
    /// own commit) after a first version, with the log emptied before; few enough that no automatic
    /// checkpoint (at 1,000 pages) resets the log in between.
    /// </summary>
    public static async Task<double> WalBytesPerSaveAsync(Scratch directory, IReadOnlyList<byte[]> contents, int saves)
    {
        var path = directory.File("wal.db");
        var store = SqliteVersionStore.ForFile(path, SqliteSynchronous.Normal);
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "reviewer");
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        await store.AppendAsync(new AppendRequest(key, CanonicalJson.CreateDocument(contents[0]), "bench", at));
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        for (var n = 1; n <= saves; n++)
        {
            await store.AppendAsync(new AppendRequest(key, CanonicalJson.CreateDocument(contents[n]), "bench", at.AddSeconds(n)));
        }

        var wal = new FileInfo(path + "-wal").Length;
        SqliteConnection.ClearAllPools();
        return (double)wal / saves;
    }

    /// <summary>The bytes of the store file (after a checkpoint folds the WAL in) holding <paramref name="contents"/> as one entity's history.</summary>
    public static async Task<long> StoreBytesAsync(Scratch directory, IReadOnlyList<byte[]> contents)
    {
        var path = directory.File("bytes.db");
        var store = SqliteVersionStore.ForFile(path, SqliteSynchronous.Normal);
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "reviewer");
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        await store.AppendBatchAsync([.. contents.Select((content, n) => new AppendRequest(key, CanonicalJson.CreateDocument(content), "bench", at.AddSeconds(n)))]);
        await Check.GaplessAsync(store, key, contents.Count);
        // Closed first: the store keeps its write connection open, and while it is open the log VACUUM writes
        // cannot be folded back and removed, so the file and its log would count the store twice.
        await store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
            await using var where = connection.CreateCommand();
            where.CommandText = "SELECT 'stored content ' || sum(length(content)) || ' B in ' || count(*) || ' blobs, ' || count(base) || ' of them deltas' FROM blobs;";
            Console.Error.WriteLine($"  {Path.GetFileName(path)}: {await where.ExecuteScalarAsync()}");
        }

        var bytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        // Where the rest of the file's bytes are, table by table, when the sqlite3 shell (built with dbstat) is there.
        SqliteConnection.ClearAllPools();
        Console.Error.WriteLine($"  {Path.GetFileName(path)}: {await ExternalCases.PagesByTableAsync(path)}");
        return bytes;
    }
}
