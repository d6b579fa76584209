using Npgsql;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>How the PostgreSQL store keeps a long history: deltas one step from a keyframe, old rows, gc, damage.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDeltaTests(PostgresServerFixture postgres) : IAsyncLifetime
{
    private PostgresVersionStore? _store;
    private string _connectionString = "";

    private PostgresVersionStore Store => _store!;

    public async Task InitializeAsync()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        _connectionString = PostgresConnectionStrings.ToNpgsql(uri);
        _store = new PostgresVersionStore(uri);
        await _store.InitializeAsync();
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    [Fact]
    public async Task AnyVersionOfALongHistoryReadsWithAtMostTwoDecompressions()
    {
        var key = await HistoryAsync(300);

        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM verso.blobs b JOIN verso.blobs d ON d.blob_pk = b.base WHERE d.base IS NOT NULL;"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM verso.blobs b LEFT JOIN verso.blobs d ON d.blob_pk = b.base WHERE b.base IS NOT NULL AND d.hash IS NULL;"));
        Assert.True((long)(await ScalarAsync("SELECT count(*) FROM verso.blobs WHERE base IS NOT NULL;"))! > 250);
        foreach (var version in new[] { 1, 150, 300 })
        {
            var (content, decompressions) = await Task.Run(async () =>
            {
                using var counting = StoredContent.CountDecompressions(out var count);
                var read = (await Store.GetVersionAsync(key, version))!;
                return (read.Content.ToArray(), count.Value);
            });
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), content);
            Assert.InRange(decompressions, 1, 2);
        }
    }

    [Fact]
    public async Task BlobsKeptWholeAsAStoreBeforeDeltasKeptThemReadAsBeforeAndGcMakesThemSmaller()
    {
        var key = await HistoryAsync(120);
        // Every blob on its own, as schema 7 kept them (the upgrade carries them over as they are; see
        // PostgresSchemaUpgradeTests for the upgrade itself).
        await using (var connection = await OpenAsync())
        {
            await StoreEveryBlobWholeAsync(connection);
        }

        NpgsqlConnection.ClearAllPools();
        var before = (long)(await ScalarAsync("SELECT sum(octet_length(content))::bigint FROM verso.blobs;"))!;
        await using var store = new PostgresVersionStore(_connectionString);
        await AssertAllReadAsync(store, key, 120);

        var result = await store.CompactAsync();

        var after = (long)(await ScalarAsync("SELECT sum(octet_length(content))::bigint FROM verso.blobs;"))!;
        Assert.Equal((before, after), (result.StoredBytesBefore, result.StoredBytesAfter));
        Assert.True(after * 3 < before, $"gc left {after} of {before} stored bytes");
        await AssertAllReadAsync(store, key, 120);
        Assert.True((await IntegrityVerifier.VerifyAsync(store)).IsIntact);
        Assert.Equal(0L, (await store.CompactAsync()).Rewritten);
    }

    [Fact]
    public async Task GcRepacksTheTablesAndLeavesEveryVersionAndHashAsItWas()
    {
        var key = await HistoryAsync(120);
        var before = await Store.GetHistoryAsync(key, 0, 120).ToListAsync();
        // Dead tuples for the repack to give back: every blob rewritten whole, as an old store kept them.
        await ScalarAsync("UPDATE verso.blobs SET base = base;");
        var bytesBefore = await Store.GetStoreBytesAsync();

        await Store.CompactAsync();
        await Store.RepackAsync();

        var bytesAfter = await Store.GetStoreBytesAsync();
        Assert.True(bytesAfter <= bytesBefore, $"{bytesAfter} bytes after, {bytesBefore} before");
        var after = await Store.GetHistoryAsync(key, 0, 120).ToListAsync();
        Assert.Equal(before.Select(s => (s.Version, s.Hash, s.ChainHash)), after.Select(s => (s.Version, s.Hash, s.ChainHash)));
        Assert.All(after, s => Assert.True(s.Content.Span.SequenceEqual(Charters.Edited(s.Version - 1).Utf8.Span)));
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
    }

    [Fact]
    public async Task VerifyFlagsADamagedDeltaAndEveryVersionBuiltOnADamagedBase()
    {
        await HistoryAsync(30);
        var delta = Charters.Edited(9).Hash.Hex;
        var keyframe = (string)(await ScalarAsync($"SELECT encode(k.hash, 'hex') FROM verso.blobs b JOIN verso.blobs k ON k.blob_pk = b.base WHERE b.hash = '\\x{delta}';"))!;
        var onKeyframe = (long)(await ScalarAsync($"SELECT count(*) FROM verso.blobs WHERE base = (SELECT blob_pk FROM verso.blobs WHERE hash = '\\x{keyframe}');"))!;
        await ScalarAsync($"UPDATE verso.blobs SET content = set_byte(content, 8, get_byte(content, 8) # 255) WHERE hash = '\\x{delta}';");

        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Contains(report.Problems, p => p.Ref.Version == 10 && p.Reason.Contains("does not hash", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Problems, p => p.Ref.Version != 10);

        // Undo, then damage the keyframe: its own version and every delta on it are flagged.
        await ScalarAsync($"UPDATE verso.blobs SET content = set_byte(content, 8, get_byte(content, 8) # 255) WHERE hash = '\\x{delta}';");
        Assert.True((await IntegrityVerifier.VerifyAsync(Store)).IsIntact);
        await ScalarAsync($"UPDATE verso.blobs SET content = set_byte(content, 8, get_byte(content, 8) # 255) WHERE hash = '\\x{keyframe}';");

        var damaged = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Equal(onKeyframe + 1, damaged.Problems.Select(p => p.Ref.Version).Distinct().Count());
    }

    private async Task<EntityKey> HistoryAsync(int versions)
    {
        var key = Some.Key();
        await Store.AppendBatchAsync([.. Enumerable.Range(0, versions).Select(n => Some.Append(key, Charters.Edited(n)))]);
        return key;
    }

    private static async Task AssertAllReadAsync(PostgresVersionStore store, EntityKey key, int versions)
    {
        for (var version = 1; version <= versions; version++)
        {
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), (await store.GetVersionAsync(key, version))!.Content.ToArray());
        }
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
