using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Versioning;

namespace Verso.Benchmarks;

/// <summary>
/// Save-if-changed of a ~2 KB charter into a SQLite file: a changed charter appends a version (one
/// durable transaction); an unchanged one is recognised inside the same transaction and appends nothing.
/// </summary>
[MemoryDiagnoser]
public class SqliteSaveBenchmarks
{
    private readonly EntityKey _key = EntityKey.Create("agent", "alice");
    private readonly SaveOptions _options = new("bench");
    private string _directory = "";
    private VersioningService _service = null!;
    private byte[][] _variants = [];
    private int _next;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), "verso-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var store = SqliteVersionStore.ForFile(Path.Combine(_directory, "verso.db"));
        await store.InitializeAsync();
        _service = new VersioningService(store, new KindRegistry());
        _variants = Enumerable.Range(0, 1024).Select(SampleDocuments.Charter).ToArray();
        Console.WriteLine($"// charter: {_variants[0].Length} bytes");
        await _service.SaveAsync(_key, _variants[0], _options);
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark]
    public Task SaveChanged() => _service.SaveAsync(_key, _variants[++_next % _variants.Length], _options);

    [Benchmark]
    public Task SaveUnchanged() => _service.SaveAsync(_key, _variants[_next % _variants.Length], _options);
}
