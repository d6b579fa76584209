using System.Collections.Immutable;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using JsonDiffPatchDotNet;
using Newtonsoft.Json.Linq;
using Verso.Documents.Diff;

namespace Verso.Benchmarks;

/// <summary>
/// Two 20,000-item arrays of objects with 1% edits, diffed by Verso (items matched by their id) and by
/// JsonDiffPatch.Net (items matched by longest common subsequence, its only mode). One invocation per
/// iteration: JsonDiffPatch.Net takes about a minute per diff here, so the usual pilot runs would take hours.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class KeyedArrayDiffBenchmarks
{
    private static readonly DiffRules KeyedNodes = DiffRules.Default with
    {
        IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/nodes", "id"),
    };

    private readonly JsonDiffPatch _jsonDiffPatch = new(new Options { ArrayDiff = ArrayDiffMode.Efficient, TextDiff = TextDiffMode.Efficient });
    private (JsonNode Left, JsonNode Right, JToken LeftToken, JToken RightToken) _keyed;

    [GlobalSetup]
    public void SetUp()
    {
        _keyed = DiffBenchmarks.Pair(DiffBenchmarks.KeyedArray(edited: false), DiffBenchmarks.KeyedArray(edited: true));
        Console.WriteLine($"// keyed: {_keyed.Left.ToJsonString().Length} bytes, changes found by Verso: {JsonDiff.Compute(_keyed.Left, _keyed.Right, KeyedNodes).Length}");
    }

    [Benchmark(Baseline = true)]
    public int VersoKeyedArray20000() => JsonDiff.Compute(_keyed.Left, _keyed.Right, KeyedNodes).Length;

    [Benchmark]
    public JToken JsonDiffPatchKeyedArray20000() => _jsonDiffPatch.Diff(_keyed.LeftToken, _keyed.RightToken);
}
