using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using JsonDiffPatchDotNet;
using Newtonsoft.Json.Linq;
using Verso.Documents.Diff;

namespace Verso.Benchmarks;

/// <summary>
/// Verso's structural diff next to JsonDiffPatch.Net on the same inputs, parsed beforehand, so both
/// measure only the diff: a long charter diffed by line and an agent record. The 20,000-item keyed array
/// is in <see cref="KeyedArrayDiffBenchmarks"/>, because JsonDiffPatch.Net needs about a minute for it.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DiffBenchmarks
{
    // JsonDiffPatch.Net 2.3 has no object hash: it matches array items by LCS over deep equality.
    private readonly JsonDiffPatch _jsonDiffPatch = new(new Options { ArrayDiff = ArrayDiffMode.Efficient, TextDiff = TextDiffMode.Efficient });

    private (JsonNode Left, JsonNode Right, JToken LeftToken, JToken RightToken) _charter;
    private (JsonNode Left, JsonNode Right, JToken LeftToken, JToken RightToken) _record;

    [GlobalSetup]
    public void SetUp()
    {
        _charter = Pair(Charter(edited: false), Charter(edited: true));
        _record = Pair(AgentRecord(edited: false), AgentRecord(edited: true));
        Console.WriteLine($"// charter: {_charter.Left.ToJsonString().Length} bytes, record: {_record.Left.ToJsonString().Length} bytes");
    }

    [Benchmark]
    public int VersoCharter2000Lines() => JsonDiff.Compute(_charter.Left, _charter.Right).Length;

    [Benchmark]
    public JToken JsonDiffPatchCharter2000Lines() => _jsonDiffPatch.Diff(_charter.LeftToken, _charter.RightToken);

    [Benchmark]
    public int VersoAgentRecord20Kb() => JsonDiff.Compute(_record.Left, _record.Right).Length;

    [Benchmark]
    public JToken JsonDiffPatchAgentRecord20Kb() => _jsonDiffPatch.Diff(_record.LeftToken, _record.RightToken);

    internal static (JsonNode, JsonNode, JToken, JToken) Pair(string left, string right) =>
        (JsonNode.Parse(left)!, JsonNode.Parse(right)!, JToken.Parse(left), JToken.Parse(right));

    // 20,000 nodes; the edited side changes 1% of them: 160 labels, 20 removed, 20 added.
    internal static string KeyedArray(bool edited)
    {
        var nodes = Enumerable.Range(0, 20_000).Select(i => (Id: i, Label: $"Step {i}")).ToList();
        if (edited)
        {
            for (var i = 0; i < 160; i++)
            {
                nodes[i * 125] = (nodes[i * 125].Id, $"Step {nodes[i * 125].Id} (revised)");
            }

            nodes.RemoveAll(n => n.Id % 1000 == 7);
            nodes.AddRange(Enumerable.Range(20_000, 20).Select(i => (i, $"Step {i}")));
        }

        var builder = new StringBuilder("{\"nodes\":[");
        builder.AppendJoin(',', nodes.Select(n => string.Create(CultureInfo.InvariantCulture, $$"""{"id":"n{{n.Id}}","label":"{{n.Label}}","x":{{n.Id % 97}}}""")));
        return builder.Append("]}").ToString();
    }

    // A 2,000-line charter; the edited side rewrites 10 lines spread through it.
    private static string Charter(bool edited)
    {
        var lines = Enumerable.Range(1, 2000).Select(i => edited && i % 200 == 0
            ? $"- Rule {i}: rewritten to say something else entirely."
            : $"- Rule {i}: review every change for correctness, then clarity.");
        return new JsonObject { ["charter"] = string.Join('\n', lines) + "\n" }.ToJsonString();
    }

    // A ~20 KB agent record; the edited side changes 5 fields.
    private static string AgentRecord(bool edited)
    {
        var record = new JsonObject
        {
            ["id"] = "alice",
            ["name"] = "Alice",
            ["level"] = edited ? "staff" : "senior",
            ["model"] = new JsonObject { ["provider"] = "anthropic", ["temperature"] = edited ? 0.1 : 0.2, ["max_tokens"] = 4096 },
            ["skills"] = new JsonArray([.. Enumerable.Range(0, 60).Select(i => (JsonNode)new JsonObject { ["id"] = $"skill-{i}", ["level"] = edited && i == 30 ? 5 : 3, ["notes"] = new string('s', 200) })]),
            ["tools"] = new JsonObject { ["allowed"] = new JsonArray([.. Enumerable.Range(0, 40).Select(i => (JsonNode)JsonValue.Create($"tool.{i}")!)]), ["denied"] = new JsonArray("deploy") },
            ["memory"] = new JsonObject { ["type"] = "vector", ["retention_days"] = edited ? 30 : 90 },
            ["authority"] = new JsonObject { ["approve"] = edited ? false : true, ["budget_usd"] = 500 },
            ["charter"] = string.Join('\n', Enumerable.Range(1, 80).Select(i => $"- Guideline {i}: be precise, be kind, cite the line you mean.")) + "\n",
        };
        return record.ToJsonString();
    }
}
