using System.Text.Json;
using Verso.Contracts;
using Verso.Versioning.Replay;
using Verso.Server.Wire;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>compat</c>: whether a task run under version a can be replayed under b (the replay verdict).</summary>
internal sealed class CompatTool : VersoTool
{
    public override string Name => "compat";

    public override string Description =>
        "Whether a task that ran under version a would behave the same under b: identical, compatible (only cosmetic changes) or breaking, with the differences that decide it.";

    protected override string InputSchema => ToolSchemas.Input($$$$""" "a":{{{{ToolSchemas.Ref}}}},"b":{{{{ToolSchemas.Ref}}}} """, "\"a\",\"b\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "a":{{{{ToolSchemas.ExactRef}}}},"b":{{{{ToolSchemas.ExactRef}}}},
        "verdict":{"type":"string","enum":["identical","compatible","breaking"]},
        "differences":{"type":"array","items":{{{{ToolSchemas.Change}}}}},
        "cosmetic":{"type":"array","items":{{{{ToolSchemas.Change}}}}}
        """, "\"a\",\"b\",\"verdict\",\"differences\",\"cosmetic\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var (left, right) = (call.Arguments.Ref("a"), call.Arguments.Ref("b"));
        DemandRead(call, left.Key.Kind);
        DemandRead(call, right.Key.Kind);
        var older = await call.Service.GetAsync(left, cancellationToken);
        var newer = await call.Service.GetAsync(right, cancellationToken);
        older.ThrowIfContentRemoved();
        newer.ThrowIfContentRemoved();
        var verdict = ReplayCompatibility.Compare(call.Service.Kinds.Resolve(older.Key.Kind), DiffTool.Parse(older), DiffTool.Parse(newer));
        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("a", older.Ref.ToString());
            writer.WriteString("b", newer.Ref.ToString());
            writer.WriteString("verdict", verdict.Verdict.ToString().ToLowerInvariant());
            writer.WritePropertyName("differences");
            JsonSerializer.Serialize(writer, WireCompare.Of(verdict.Differences), VersoJson.TypeInfo<List<Contracts.Compare.Change>>());
            writer.WritePropertyName("cosmetic");
            JsonSerializer.Serialize(writer, WireCompare.Of(verdict.Cosmetic), VersoJson.TypeInfo<List<Contracts.Compare.Change>>());
        }));
    }
}
