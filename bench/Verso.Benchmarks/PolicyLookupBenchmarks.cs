using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Benchmarks;

/// <summary>
/// What enforcing policies costs a save on SQLite: the same changed ~2 KB charter appended straight to
/// the store (no policy read) and through the versioning service (which lists the policy kind and reads
/// the policies that cover the entity first), in a store without policies and in one with a kind, an
/// entity and a tag policy.
/// </summary>
[MemoryDiagnoser]
public class PolicyLookupBenchmarks
{
    private readonly EntityKey _key = EntityKey.Create("agent", "alice");
    private readonly SaveOptions _options = new("bench");
    private string _directory = "";
    private IVersionStore _store = null!;
    private VersioningService _service = null!;
    private CanonicalDocument[] _variants = [];
    private int _next;

    [Params(false, true)]
    public bool WithPolicies { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "verso-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var store = SqliteVersionStore.ForFile(Path.Combine(_directory, "verso.db"));
        await store.InitializeAsync();
        _store = store;
        _service = new VersioningService(store, new KindRegistry());
        _variants = [.. Enumerable.Range(0, 1024).Select(n => CanonicalJson.CreateDocument(SampleDocuments.Charter(n)))];
        await _service.SaveAsync(_key, _variants[0], _options);
        if (WithPolicies)
        {
            // Policies that apply (kind, entity) but allow direct saves, and one for a tag.
            foreach (var (id, json) in new[] { ("kind.agent", """{"approvals":1}"""), ("entity.agent.alice", """{"approvals":2}"""), ("tag.production", """{"required_checks":["evals"]}""") })
            {
                await _service.SaveAsync(EntityKey.Create("policy", id), System.Text.Encoding.UTF8.GetBytes(json), _options);
            }
        }
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public Task StoreAppend() =>
        _store.AppendAsync(new AppendRequest(_key, _variants[++_next % _variants.Length], "bench", DateTimeOffset.UtcNow));

    [Benchmark]
    public Task ServiceSave() => _service.SaveAsync(_key, _variants[++_next % _variants.Length], _options);
}
