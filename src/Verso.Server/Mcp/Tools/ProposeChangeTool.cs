using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Governance.ChangeRequests;
using Verso.Contracts;
using Verso.Contracts.ChangeRequests;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Server.Wire;

namespace Verso.Server.Mcp.Tools;

/// <summary>
/// <c>propose_change</c>: a change request under the store's review policy, never a change. The entity is not
/// touched; a person reviews and applies the request (on the page, the CLI or the REST API). There is no tool
/// that approves, applies, tags or saves, so no token reaches those through MCP, whatever its role.
/// </summary>
internal sealed class ProposeChangeTool : VersoTool
{
    public override string Name => "propose_change";

    public override string Description =>
        "Propose a change to an entity for review, without changing it: the whole new record, or an RFC 6902 JSON Patch against the base (the head unless base_version says). " +
        "Answers the change request (cr-N); someone other than you approves and applies it.";

    public override bool Writes => true;

    protected override string InputSchema => ToolSchemas.Input($$$$"""
        "kind":{{{{ToolSchemas.Kind}}}},"id":{{{{ToolSchemas.Id}}}},
        "record":{"type":"object","description":"the whole proposed record"},
        "patch":{"type":"array","minItems":1,"description":"an RFC 6902 JSON Patch applied to the base version",
          "items":{"type":"object","properties":{"op":{"type":"string","enum":["add","remove","replace","move","copy","test"]},"path":{"type":"string"},"from":{"type":"string"},"value":{}},"required":["op","path"]}},
        "message":{"type":"string","minLength":1,"maxLength":10000,"description":"why"},
        "base_version":{"type":"integer","minimum":0,"description":"the version the proposal is written against (default the head; 0 for a new entity)"}
        """, "\"kind\",\"id\",\"message\"") .Replace("\"additionalProperties\":false", "\"additionalProperties\":false,\"oneOf\":[{\"required\":[\"record\"]},{\"required\":[\"patch\"]}]", StringComparison.Ordinal);

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "change_request":{{{{ToolSchemas.ChangeRequest}}}},"audit":{{{{ToolSchemas.ExactRef}}}}
        """, "\"change_request\",\"audit\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var args = call.Arguments;
        var target = EntityKey.Create(args.String("kind"), args.String("id"));
        var message = args.String("message");
        var baseVersion = args.OptionalInt("base_version", 0, int.MaxValue);
        var record = args.Optional("record", JsonValueKind.Object, "a JSON object");
        var patch = args.Optional("patch", JsonValueKind.Array, "an array of JSON Patch operations");
        if ((record is null) == (patch is null))
        {
            throw new ToolArgumentException(record is null ? "record" : "patch", "give record (the whole proposed record) or patch (JSON Patch against the base), one of them");
        }

        DemandRead(call, target.Kind);
        call.Caller.Demand(ApiRole.Writer, target.Kind);
        var json = record is { } whole
            ? Encoding.UTF8.GetBytes(whole.GetRawText())
            : await PatchedAsync(call, target, baseVersion, patch!.Value, cancellationToken);
        var request = await call.Get<ChangeRequestService>().ProposeAsync(target, json, new Actor(call.Caller.SavedBy(null)), message, baseVersion, cancellationToken);
        var stored = await call.Service.GetAsync(VersionRef.ForVersion(request.Key, request.Version), cancellationToken);
        return new ToolOutcome(
            Json(writer =>
            {
                writer.WritePropertyName("change_request");
                JsonSerializer.Serialize(writer, WireChangeRequests.Of(request), VersoJson.TypeInfo<ChangeRequestInfo>());
            }),
            new PinnedRef(stored.Key, stored.Version, stored.Hash));
    }

    private static async Task<byte[]> PatchedAsync(ToolCall call, EntityKey target, int? baseVersion, JsonElement patch, CancellationToken cancellationToken)
    {
        var @base = await call.Service.GetAsync(baseVersion is { } number and > 0 ? VersionRef.ForVersion(target, number) : VersionRef.Latest(target), cancellationToken);
        @base.ThrowIfContentRemoved();
        var operations = Documents.Patch.JsonPatch.Parse(Encoding.UTF8.GetBytes(patch.GetRawText()));
        var patched = operations.Apply(JsonLimits.ParseNode(@base.Content.Span));
        return Encoding.UTF8.GetBytes(patched?.ToJsonString() ?? "null");
    }
}
