using Verso.Server.Wire;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>get_version</c>: one version by ref, its metadata and content.</summary>
internal sealed class GetVersionTool : VersoTool
{
    public override string Name => "get_version";

    public override string Description => "One version of an entity by ref (agent/alice@3, agent/alice@production, agent/alice): who saved it, when, why, its hash and its content.";

    protected override string InputSchema => ToolSchemas.Input($$$$""" "ref":{{{{ToolSchemas.Ref}}}} """, "\"ref\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        {{{{ToolSchemas.MetadataProperties}}}},"content":{"type":["object","null"],"description":"the record; null when its content was pruned or erased"}
        """, ToolSchemas.MetadataRequired + ",\"content\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var reference = call.Arguments.Ref("ref");
        DemandRead(call, reference.Key.Kind);
        var snapshot = await call.Service.GetAsync(reference, cancellationToken);
        return new ToolOutcome(ToolJson.Of(WireVersions.WithContent(snapshot)));
    }
}
