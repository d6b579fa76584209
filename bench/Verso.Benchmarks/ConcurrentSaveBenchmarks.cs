using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Postgres;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Postgres;

namespace Verso.Benchmarks;

/// <summary>
/// Save throughput with 1, 4 and 16 concurrent writers, on SQLite and on PostgreSQL (fsync on for both),
/// each writer saving to its own entity or all of them to one hot entity. One operation is one save, so
/// saves per second = 1 / Mean.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 6)]
public class ConcurrentSaveBenchmarks
{
    private const int SavesPerInvocation = 256;

    private PostgresServer? _postgres;
    private IVersionStore _store = null!;
    private string _directory = "";
    private int _round;

    [Params("sqlite", "postgres")]
    public string Backend { get; set; } = "";

    [Params(1, 4, 16)]
    public int Writers { get; set; }

    [Params(false, true)]
    public bool HotEntity { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        if (Backend == "postgres")
        {
            _postgres = await PostgresServer.StartAsync(durable: true);
            _store = new PostgresVersionStore(await _postgres.CreateDatabaseAsync());
        }
        else
        {
            _directory = Path.Combine(Path.GetTempPath(), "verso-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_directory);
            _store = SqliteVersionStore.ForFile(Path.Combine(_directory, "verso.db"));
        }

        await _store.InitializeAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(OperationsPerInvoke = SavesPerInvocation)]
    public Task Save()
    {
        var round = Interlocked.Increment(ref _round);
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var key = EntityKey.Create("agent", HotEntity ? "hot" : $"writer-{writer}");
            for (var i = 0; i < SavesPerInvocation / Writers; i++)
            {
                var json = string.Create(CultureInfo.InvariantCulture, $$"""{"round":{{round}},"writer":{{writer}},"save":{{i}}}""");
                var content = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(json));
                await _store.AppendAsync(new AppendRequest(key, content, "bench", DateTimeOffset.UtcNow.ToUniversalTime()));
            }
        })));
    }
}
