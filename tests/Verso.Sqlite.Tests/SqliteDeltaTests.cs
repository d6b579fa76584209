using Microsoft.Data.Sqlite;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Testing.Support;

using static Verso.Sqlite.Tests.SqliteFileSql;

namespace Verso.Sqlite.Tests;

/// <summary>How the SQLite store keeps a long history: deltas one step from a keyframe, old rows, gc, damage.</summary>
public sealed class SqliteDeltaTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AnyVersionOfALongHistoryReadsWithAtMostTwoDecompressions()
    {
        var (store, path, key) = await HistoryAsync(600);

        // No delta is built on a delta, and most versions are deltas.
        Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM blobs b JOIN blobs d ON d.blob_pk = b.base WHERE d.base IS NOT NULL;"));
        Assert.Equal(0L, await ScalarAsync(path, "SELECT count(*) FROM blobs b LEFT JOIN blobs d ON d.blob_pk = b.base WHERE b.base IS NOT NULL AND d.hash IS NULL;"));
        Assert.True((long)(await ScalarAsync(path, "SELECT count(*) FROM blobs WHERE base IS NOT NULL;"))! > 500);
        foreach (var version in new[] { 1, 300, 600 })
        {
            // Each read from a fresh thread-local state: nothing decoded before helps it.
            var (content, decompressions) = await Task.Run(async () =>
            {
                using var counting = StoredContent.CountDecompressions(out var count);
                var read = (await store.GetVersionAsync(key, version))!;
                return (read.Content.ToArray(), count.Value);
            });
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), content);
            Assert.InRange(decompressions, 1, 2);
        }
    }

    [Fact]
    public async Task BlobsKeptWholeAsAStoreBeforeDeltasKeptThemReadAsBeforeAndGcMakesThemSmaller()
    {
        var (_, path, key) = await HistoryAsync(200);
        // Every blob on its own, as schema 7 kept them (the upgrade to 9 carries them over as they are; see
        // SqliteSchemaUpgradeTests for the upgrade itself).
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            var rows = new List<(byte[] Hash, byte[] Content)>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT b.hash, b.content, b.base, d.content FROM blobs b LEFT JOIN blobs d ON d.blob_pk = b.base;";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var canonical = StoredContent.Decode((byte[])reader[1], !reader.IsDBNull(2), reader.IsDBNull(3) ? null : (byte[])reader[3]);
                    rows.Add(((byte[])reader[0], StoredContent.Encode(canonical)));
                }
            }

            foreach (var (hash, content) in rows)
            {
                await using var write = connection.CreateCommand();
                write.CommandText = "UPDATE blobs SET content = $content, base = NULL WHERE hash = $hash;";
                write.Parameters.AddWithValue("$content", content);
                write.Parameters.AddWithValue("$hash", hash);
                await write.ExecuteNonQueryAsync();
            }
        }

        SqliteConnection.ClearAllPools();
        var before = (long)(await ScalarAsync(path, "SELECT sum(length(content)) FROM blobs;"))!;
        var store = SqliteVersionStore.ForFile(path);
        await AssertAllReadAsync(store, key, 200);

        var result = await store.CompactAsync();

        var after = (long)(await ScalarAsync(path, "SELECT sum(length(content)) FROM blobs;"))!;
        Assert.Equal((before, after), (result.StoredBytesBefore, result.StoredBytesAfter));
        Assert.True(after * 3 < before, $"gc left {after} of {before} stored bytes");
        Assert.True(result.Rewritten > 150);
        await AssertAllReadAsync(store, key, 200);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
        Assert.Equal(0L, (await store.CompactAsync()).Rewritten);
    }

    [Fact]
    public async Task VerifyFlagsADamagedDeltaAndEveryVersionBuiltOnADamagedBase()
    {
        var (store, path, key) = await HistoryAsync(30);
        var delta = Charters.Edited(9).Hash.Hex;
        var keyframe = (string)(await ScalarAsync(path, $"SELECT lower(hex(k.hash)) FROM blobs b JOIN blobs k ON k.blob_pk = b.base WHERE b.hash = X'{delta}';"))!;
        var onKeyframe = (long)(await ScalarAsync(path, $"SELECT count(*) FROM blobs WHERE base = (SELECT blob_pk FROM blobs WHERE hash = X'{keyframe}');"))!;
        // One byte inside the frame's compressed block, past its header.
        await ScalarAsync(path, $"UPDATE blobs SET content = substr(content, 1, 8) || X'00' || substr(content, 10) WHERE hash = X'{delta}';");

        var report = await IntegrityVerifier.VerifyAsync(store);

        Assert.Contains(report.Problems, p => p.Ref.Version == 10 && p.Reason.Contains("does not hash", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.Ref.Version != 10);

        // Undo, then damage the keyframe: its own version and every delta on it are flagged.
        var keyframeStored = (byte[])(await ScalarAsync(path, $"SELECT content FROM blobs WHERE hash = X'{keyframe}';"))!;
        var repaired = StoredContent.EncodeDelta(Charters.Edited(9).Utf8.Span, keyframe, keyframeStored)!;
        await ScalarAsync(path, $"UPDATE blobs SET content = X'{Convert.ToHexString(repaired)}' WHERE hash = X'{delta}';");
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
        await ScalarAsync(path, $"UPDATE blobs SET content = substr(content, 1, 8) || X'00' || substr(content, 10) WHERE hash = X'{keyframe}';");

        var damaged = await IntegrityVerifier.VerifyAsync(store);

        Assert.Equal(onKeyframe + 1, damaged.Problems.Select(p => p.Ref.Version).Distinct().Count());
    }

    private async Task<(SqliteVersionStore Store, string Path, EntityKey Key)> HistoryAsync(int versions)
    {
        var path = _directory.File("verso.db");
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        var key = Some.Key();
        await store.AppendBatchAsync([.. Enumerable.Range(0, versions).Select(n => Some.Append(key, Charters.Edited(n)))]);
        return (store, path, key);
    }

    private static async Task AssertAllReadAsync(SqliteVersionStore store, EntityKey key, int versions)
    {
        for (var version = 1; version <= versions; version++)
        {
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), (await store.GetVersionAsync(key, version))!.Content.ToArray());
        }
    }
}
