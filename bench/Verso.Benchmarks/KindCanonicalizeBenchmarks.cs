using System.Text;
using BenchmarkDotNet.Attributes;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Benchmarks;

/// <summary>
/// What a validated kind costs a save before the store: the same ~2 KB agent record (status included,
/// so the volatile field is cut) canonicalized as a document kind and as the validated <c>agent</c> kind.
/// Goal 9 of issue 13: the validated kind ≤ 1.5× the document kind.
/// </summary>
[MemoryDiagnoser]
public class KindCanonicalizeBenchmarks
{
    private static readonly string Charter = string.Concat(Enumerable.Repeat("You are a careful reviewer. ", 70))[..1900];

    private readonly byte[] _agent = Encoding.UTF8.GetBytes(
        $$"""
        {
          "id": "alice", "name": "Alice", "role": "code-reviewer", "department": "engineering", "level": "senior",
          "model": { "provider": "anthropic", "model_id": "claude-sonnet", "temperature": 0.2, "max_tokens": 4096 },
          "tools": { "access_level": "standard", "allowed": ["git.read", "ci.status"], "denied": ["deploy"] },
          "autonomy_level": "supervised", "status": "active",
          "charter": "{{Charter}}"
        }
        """);

    private readonly VersioningService _service = new(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));

    [GlobalSetup]
    public void ReportSize() => Console.WriteLine($"// agent record: {_agent.Length} bytes, canonical {_service.Canonicalize("agent", _agent).Length}");

    [Benchmark(Baseline = true)]
    public int DocumentKind() => _service.Canonicalize("note", _agent).Length;

    [Benchmark]
    public int AgentKind() => _service.Canonicalize("agent", _agent).Length;

    // The validator alone, on the parsed canonical record: what the agent kind adds beyond the parse.
    [Benchmark]
    public int AgentValidatorOnly() => AgentKinds.Agent.Validator!.Validate(_parsed.RootElement).Count;

    private readonly System.Text.Json.JsonDocument _parsed;

    public KindCanonicalizeBenchmarks() => _parsed = System.Text.Json.JsonDocument.Parse(Documents.Canonical.CanonicalJson.Canonicalize(_agent));
}
