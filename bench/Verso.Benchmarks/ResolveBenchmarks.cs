using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Sqlite;
using Verso.Versioning;

namespace Verso.Benchmarks;

/// <summary>
/// What a rollout costs a read on SQLite: the head of a ~2 KB charter (one read), the version a plain tag names,
/// and resolve through an active rollout for a subject (the rollout record's head, the bucket's SHA-256, then the
/// variant's version). The baseline is the head read.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(NoOptimizationCheck))]
public class ResolveBenchmarks
{
    private readonly EntityKey _key = EntityKey.Create("agent", "alice");
    private readonly EntityKey _tagged = EntityKey.Create("agent", "tagged");
    private string _directory = "";
    private VersioningService _service = null!;
    private RolloutService _rollouts = null!;
    private string[] _subjects = [];
    private int _next;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "verso-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var store = SqliteVersionStore.ForFile(Path.Combine(_directory, "verso.db"));
        await store.InitializeAsync();
        _service = new VersioningService(store, new KindRegistry());
        _rollouts = new RolloutService(_service);
        foreach (var key in new[] { _key, _tagged })
        {
            for (var n = 0; n < 2; n++)
            {
                await _service.SaveAsync(key, CanonicalJson.CreateDocument(SampleDocuments.Charter(n)), new SaveOptions("bench"));
            }

            await _service.TagAsync(VersionRef.ForVersion(key, 1), "production", "bench");
        }

        await _rollouts.StartAsync(new RolloutStart(_key, "production", 2, 2_500, "bench"));
        _subjects = [.. Enumerable.Range(0, 4096).Select(n => $"user-{n}")];
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task HeadRead() => _service.GetAsync(VersionRef.Latest(_key));

    [Benchmark]
    public Task TagRead() => _service.GetAsync(VersionRef.ForTag(_tagged, "production"));

    [Benchmark]
    public Task ResolveThroughRollout() => _rollouts.ResolveAsync(_key, "production", _subjects[++_next % _subjects.Length]);

    [Benchmark]
    public Task ResolvePlainTag() => _rollouts.ResolveAsync(_tagged, "production", _subjects[++_next % _subjects.Length]);

    [Benchmark]
    public int BucketOnly() => RolloutBuckets.Of("0011223344556677", _subjects[++_next % _subjects.Length]);

    // DiffPlex, which another benchmark of this assembly compares against, ships without optimizations; this one
    // measures no DiffPlex code, so BenchmarkDotNet's refusal of such assemblies does not apply to it.
    private sealed class NoOptimizationCheck : ManualConfig
    {
        public NoOptimizationCheck() => WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
