using BenchmarkDotNet.Attributes;
using Verso.Agents.Kinds;
using Verso.Documents.Canonical;
using Verso.Files;
using Verso.Model.Kinds;

namespace Verso.Benchmarks;

/// <summary>
/// Writing and reading the ~20 KB workflow record as YAML (what <c>verso export</c> and <c>import</c> do per
/// file) next to canonicalizing the same record as JSON, the floor every save pays anyway.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PlainTextBenchmarks
{
    private readonly EntityKind _workflow = AgentKinds.RegisterAll(new KindRegistry()).Resolve("workflow");
    private byte[] _json = [];
    private byte[] _yaml = [];

    [GlobalSetup]
    public void SetUp()
    {
        _json = CanonicalJson.Canonicalize(SampleDocuments.Workflow());
        _yaml = RecordFormat.Write(_workflow, RecordFileFormat.Yaml, _json);
        Console.WriteLine($"// json: {_json.Length} bytes, yaml: {_yaml.Length} bytes");
    }

    [Benchmark(Baseline = true)]
    public byte[] CanonicalizeJson() => CanonicalJson.Canonicalize(_json);

    [Benchmark]
    public byte[] WriteYaml() => RecordFormat.Write(_workflow, RecordFileFormat.Yaml, _json);

    [Benchmark]
    public byte[] ReadYamlToCanonicalJson() => CanonicalJson.Canonicalize(RecordFormat.ReadJson("workflow", RecordFileFormat.Yaml, _yaml));
}
