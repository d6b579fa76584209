using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Verso.Storage.Relational.Compression;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

/// <summary>A writer process killed with SIGKILL mid-stream loses nothing it acknowledged and leaves nothing half-written.</summary>
public sealed class CrashSafetyTests : IDisposable
{
    private const int Cycles = 20;
    private static readonly string WriterDll = Path.Combine(AppContext.BaseDirectory, "Verso.CrashWriter.dll");

    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task AKilledWriterLosesNoAcknowledgedSaveAndLeavesNoPartialVersion()
    {
        var path = _directory.File("verso.db");
        await SqliteVersionStore.ForFile(path).InitializeAsync();
        var key = EntityKey.Create("agent", "crash");
        var acknowledged = new Dictionary<int, ContentHash>();
        // A fixed seed: the kill moments vary within a run but the run repeats exactly.
        var random = new Random(8785);

        for (var cycle = 0; cycle < Cycles; cycle++)
        {
            foreach (var (version, hash) in await RunAndKillAsync(path, key, first: cycle * 1_000_000L, TimeSpan.FromMilliseconds(random.Next(0, 250))))
            {
                acknowledged[version] = hash;
            }

            SqliteConnection.ClearAllPools();
            await AssertStoreIsWholeAsync(path, key, acknowledged);
        }

        Assert.True(acknowledged.Count >= Cycles, $"the writer acknowledged only {acknowledged.Count} saves");
    }

    private static async Task<List<(int Version, ContentHash Hash)>> RunAndKillAsync(string path, EntityKey key, long first, TimeSpan runFor)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { WriterDll, path, key.Kind, key.Id, first.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = new Process { StartInfo = start };
        var acks = new List<(int, ContentHash)>();
        var firstAck = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var endOfOutput = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                endOfOutput.TrySetResult();
                return;
            }

            // A line cut short by the kill was never a complete acknowledgement.
            if (line.Data.Split(' ') is ["ack", var version, var hash] && ContentHash.TryParse(hash, out var parsed))
            {
                lock (acks)
                {
                    acks.Add((int.Parse(version, System.Globalization.CultureInfo.InvariantCulture), parsed));
                }

                firstAck.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();

        // Kill at a random moment once the writer is inside its loop; the exit wait is only a backstop.
        var started = await Task.WhenAny(firstAck.Task, process.WaitForExitAsync());
        if (started != firstAck.Task)
        {
            Assert.Fail("the writer exited before saving: " + await process.StandardError.ReadToEndAsync());
        }

        await Task.Delay(runFor);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await endOfOutput.Task;
        lock (acks)
        {
            return [.. acks];
        }
    }

    private static async Task AssertStoreIsWholeAsync(string path, EntityKey key, Dictionary<int, ContentHash> acknowledged)
    {
        var store = SqliteVersionStore.ForFile(path);
        var history = await store.GetHistoryAsync(key, 0, int.MaxValue).ToListAsync();
        Assert.Equal(Enumerable.Range(1, history.Count).Reverse(), history.Select(s => s.Version));
        foreach (var (version, hash) in acknowledged)
        {
            Assert.Equal(hash, history[history.Count - version].Hash);
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check;"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM versions v LEFT JOIN blobs b ON b.hash = v.hash WHERE b.hash IS NULL;"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM entities e WHERE e.head <> (SELECT max(version) FROM versions v WHERE v.entity_pk = e.entity_pk);"));
        await using var blobs = connection.CreateCommand();
        blobs.CommandText = "SELECT b.hash, b.content, b.base, d.content FROM blobs b LEFT JOIN blobs d ON d.blob_pk = b.base;";
        await using var reader = await blobs.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Stored bytes may be a zstd frame or a delta on another blob; the hash is over the canonical bytes they hold.
            var content = StoredContent.Decode((byte[])reader.GetValue(1), !reader.IsDBNull(2), reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3));
            Assert.Equal((byte[])reader.GetValue(0), SHA256.HashData(content));
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
