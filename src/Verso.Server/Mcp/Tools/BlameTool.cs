using System.Text.Json;
using Verso.Documents.Blame;
using Verso.Contracts;
using Verso.Server.Wire;
using Verso.Model.Snapshots;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>blame</c>: the version that last changed each value and each line of prose.</summary>
internal sealed class BlameTool : VersoTool
{
    public override string Name => "blame";

    public override string Description => "For each value (and each line of a charter's prose) of a version, the version that last changed it, who saved that and when.";

    protected override string InputSchema => ToolSchemas.Input($$$$""" "ref":{{{{ToolSchemas.Ref}}}} """, "\"ref\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "ref":{{{{ToolSchemas.ExactRef}}}},"hash":{{{{ToolSchemas.Hash}}}},
        "entries":{"type":"array","items":{"type":"object","properties":{
          "path":{"type":"string"},"value":{},"version":{"type":"integer"},"saved_by":{"type":"string"},"saved_at":{{{{ToolSchemas.Time}}}},
          "lines":{"type":"array","items":{"type":"object","properties":{"number":{"type":"integer"},"text":{"type":"string"},"version":{"type":"integer"},"saved_by":{"type":"string"},"saved_at":{{{{ToolSchemas.Time}}}}},"required":["number","text","version"]}}},
          "required":["path","value","version"]}}
        """, "\"ref\",\"hash\",\"entries\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var reference = call.Arguments.Ref("ref");
        var key = reference.Key;
        DemandRead(call, key.Kind);
        var target = await call.Service.GetAsync(reference, cancellationToken);
        target.ThrowIfContentRemoved();
        var head = await call.Store.CountVersionsAsync(key, cancellationToken);
        var history = new List<Snapshot>(target.Version);
        await foreach (var snapshot in call.Service.GetHistoryAsync(key, head - target.Version, target.Version, cancellationToken))
        {
            history.Add(snapshot);
        }

        history.Reverse();
        var blame = JsonBlame.Compute(history, call.Service.Kinds.Resolve(key.Kind).DiffRules);
        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("ref", target.Ref.ToString());
            writer.WriteString("hash", target.Hash.ToString());
            writer.WritePropertyName("entries");
            JsonSerializer.Serialize(writer, WireBlame.Of(blame), VersoJson.TypeInfo<List<Contracts.Compare.BlameEntry>>());
        }));
    }
}
