using System.Globalization;
using System.Text;

namespace Verso.Benchmarks;

/// <summary>Realistic inputs: an agent charter of about 2 KB and a workflow-like document of about 20 KB.</summary>
internal static class SampleDocuments
{
    public static byte[] Charter(int variant)
    {
        var rules = string.Join("\\n", Enumerable.Range(1, 24).Select(i => $"- Rule {i}: review every change for correctness, then clarity."));
        var json = $$"""
            {
              "id": "alice", "name": "Alice", "role": "code-reviewer", "department": "engineering", "level": "senior",
              "model": { "provider": "anthropic", "model_id": "claude-sonnet", "temperature": 0.2, "max_tokens": 4096 },
              "tools": { "access_level": "standard", "allowed": ["git.read", "ci.status"], "denied": ["deploy"] },
              "autonomy_level": "supervised", "variant": {{variant.ToString(CultureInfo.InvariantCulture)}},
              "charter": "# Alice\n\n{{rules}}\n"
            }
            """;
        return Encoding.UTF8.GetBytes(json);
    }

    public static byte[] Workflow()
    {
        var builder = new StringBuilder("{\"id\":\"release\",\"name\":\"Release train\",\"nodes\":[");
        for (var i = 0; i < 100; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$$"""{"id":"n{{{i}}}","type":"task","label":"Step {{{i}}} — check «{{{i}}}»","x":{{{i * 12.5}}},"y":{{{i * 0.1}}},"config":{"retries":3,"timeout_s":{{{i * 60}}},"notes":"line one\nline two"}},""");
        }

        builder.Length--;
        builder.Append("],\"edges\":[");
        for (var i = 0; i < 99; i++)
        {
            builder.Append(CultureInfo.InvariantCulture, $$"""{"id":"e{{i}}","source":"n{{i}}","target":"n{{i + 1}}","type":"default"},""");
        }

        builder.Length--;
        builder.Append("]}");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
