using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Contracts;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Server.Wire;
using Verso.Model.Snapshots;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>diff</c>: what changed between two versions of one kind, as the REST API's diff answers it.</summary>
internal sealed class DiffTool : VersoTool
{
    public override string Name => "diff";

    public override string Description =>
        "What changed between two versions (from the older, to the newer; to defaults to the head of from's entity): " +
        "json lists each changed path with old and new values (prose as line hunks), patch is an RFC 6902 JSON Patch, text is a readable diff.";

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "from":{{{{ToolSchemas.Ref}}}},"to":{{{{ToolSchemas.Ref}}}},
        "format":{"type":"string","enum":["json","patch","text"],"default":"json"}
        """, "\"from\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "from":{{{{ToolSchemas.ExactRef}}}},"to":{{{{ToolSchemas.ExactRef}}}},"format":{"type":"string","enum":["json","patch","text"]},
        "changes":{"type":"array","items":{{{{ToolSchemas.Change}}}}},
        "patch":{"type":"array","items":{"type":"object","properties":{"op":{"type":"string"},"path":{"type":"string"},"from":{"type":"string"},"value":{}},"required":["op","path"]}},
        "text":{"type":"string"}
        """, "\"from\",\"to\",\"format\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var from = args.Ref("from");
        var to = args.Has("to") ? args.Ref("to") : VersionRef.Latest(from.Key);
        var format = args.Enum("format", "json", "json", "patch", "text");
        if (to.Key.Kind != from.Key.Kind)
        {
            throw new ToolArgumentException("to", $"'to' must be of kind {from.Key.Kind}, like 'from', not {to.Key.Kind}");
        }

        DemandRead(call, from.Key.Kind);
        var older = await call.Service.GetAsync(from, cancellationToken);
        var newer = await call.Service.GetAsync(to, cancellationToken);
        older.ThrowIfContentRemoved();
        newer.ThrowIfContentRemoved();
        var kind = call.Service.Kinds.Resolve(from.Key.Kind);
        var (before, after) = (Parse(older), Parse(newer));
        return new ToolOutcome(Json(writer =>
        {
            writer.WriteString("from", older.Ref.ToString());
            writer.WriteString("to", newer.Ref.ToString());
            writer.WriteString("format", format);
            switch (format)
            {
                case "patch":
                    writer.WritePropertyName("patch");
                    Documents.Patch.JsonPatch.Create(JsonPatchBuilder.Create(before, after, kind.DiffRules)).WriteTo(writer);
                    break;
                case "text":
                    var text = new StringBuilder().Append(older.Ref).Append(" → ").Append(newer.Ref).Append('\n');
                    foreach (var line in kind.DiffRenderer.Render(before, after, JsonDiff.Compute(before, after, kind.DiffRules)))
                    {
                        text.Append(line.Text).Append('\n');
                    }

                    writer.WriteString("text", text.ToString());
                    break;
                default:
                    writer.WritePropertyName("changes");
                    JsonSerializer.Serialize(writer, WireCompare.Of(JsonDiff.Compute(before, after, kind.DiffRules)), VersoJson.TypeInfo<List<Contracts.Compare.Change>>());
                    break;
            }
        }));
    }

    internal static JsonNode? Parse(Snapshot snapshot) => JsonLimits.ParseNode(snapshot.Content.Span);
}
