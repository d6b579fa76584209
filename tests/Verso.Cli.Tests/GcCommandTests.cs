using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Cli.Tests;

public sealed class GcCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task GcStoresContentWrittenWholeAsDeltasAndEveryVersionStillReads()
    {
        var key = await OldStoreAsync(40);
        var kept = await SqliteVersionStore.ForFile(_verso.PathOf("verso.db")).GetHistoryAsync(key, 0, 40).ToListAsync();
        var (hashes, chains) = (kept.Select(s => s.Hash).Reverse().ToArray(), kept.Select(s => s.ChainHash).Reverse().ToArray());
        SqliteConnection.ClearAllPools();

        var gc = await _verso.RunAsync("--json", "gc");
        var again = await _verso.RunAsync("gc");
        var verify = await _verso.RunAsync("verify");
        var first = await _verso.RunAsync("show", "agent/reviewer@1", "--canonical");

        Assert.True(gc.ExitCode == 0, gc.ToString());
        var result = gc.Json();
        Assert.Equal(1, result.GetProperty("entities").GetInt32());
        Assert.True(result.GetProperty("rewritten").GetInt32() >= 35);
        Assert.True(result.GetProperty("stored_bytes_after").GetInt64() * 5 < result.GetProperty("stored_bytes_before").GetInt64(), gc.Stdout);
        // The file shrank with its content: VACUUM gave the freed pages back, and the WAL was folded in.
        var (fileBefore, fileAfter) = (result.GetProperty("store_bytes_before").GetInt64(), result.GetProperty("store_bytes_after").GetInt64());
        Assert.True(fileAfter < fileBefore, gc.Stdout);
        Assert.Equal(fileAfter, new FileInfo(_verso.PathOf("verso.db")).Length + (File.Exists(_verso.PathOf("verso.db-wal")) ? new FileInfo(_verso.PathOf("verso.db-wal")).Length : 0));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("re-encoded 0 blob(s) of 1 entities", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("repacked the store: ", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(Charters.Edited(0).Utf8.ToArray(), first.StdoutBytes.TrimEnd((byte)'\n'));
        for (var version = 1; version <= 40; version++)
        {
            var read = await SqliteVersionStore.ForFile(_verso.PathOf("verso.db")).GetVersionAsync(key, version);
            Assert.Equal(Charters.Edited(version - 1).Utf8.ToArray(), read!.Content.ToArray());
            Assert.Equal(hashes[version - 1], read.Hash);
            Assert.Equal(chains[version - 1], read.ChainHash);
        }
    }

    [Fact]
    public async Task GcLeavesAnEntityWithADamagedContentAsItIsAndFails()
    {
        var key = await OldStoreAsync(10);
        await ExecuteAsync($"UPDATE blobs SET content = CAST('{{\"damaged\":1}}' AS BLOB) WHERE hash = X'{Charters.Edited(4).Hash.Hex}';");
        var before = await ScalarAsync("SELECT sum(length(content)) FROM blobs;");

        var gc = await _verso.RunAsync("gc");

        Assert.Equal(1, gc.ExitCode);
        Assert.Contains("1 entity(ies) left as they were", gc.Stderr, StringComparison.Ordinal);
        Assert.Contains("verso verify", gc.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, await ScalarAsync("SELECT sum(length(content)) FROM blobs;"));
        Assert.Equal(Charters.Edited(0).Utf8.ToArray(), (await SqliteVersionStore.ForFile(_verso.PathOf("verso.db")).GetVersionAsync(key, 1))!.Content.ToArray());
    }

    // A store whose blobs are kept as a store before compression wrote them: the canonical bytes, no base.
    private async Task<EntityKey> OldStoreAsync(int versions)
    {
        await _verso.InitializedAsync();
        var key = EntityKey.Create("agent", "reviewer");
        var store = SqliteVersionStore.ForFile(_verso.PathOf("verso.db"));
        await store.AppendBatchAsync([.. Enumerable.Range(0, versions).Select(n => Some.Append(key, Charters.Edited(n)))]);
        for (var n = 0; n < versions; n++)
        {
            await ExecuteAsync(
                $"UPDATE blobs SET content = CAST('{System.Text.Encoding.UTF8.GetString(Charters.Edited(n).Utf8.Span).Replace("'", "''", StringComparison.Ordinal)}' AS BLOB), base = NULL WHERE hash = X'{Charters.Edited(n).Hash.Hex}';");
        }

        SqliteConnection.ClearAllPools();
        return key;
    }

    private async Task ExecuteAsync(string sql) => await ScalarAsync(sql);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
