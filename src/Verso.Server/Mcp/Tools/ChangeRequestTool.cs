using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using System.Text.Json;
using Verso.Contracts;
using Verso.Contracts.ChangeRequests;
using Verso.Naming;
using Verso.Server.Wire;

namespace Verso.Server.Mcp.Tools;

/// <summary><c>change_request</c>: where a change request stands: status, reviews, and the checks on what it became.</summary>
internal sealed class ChangeRequestTool : VersoTool
{
    public override string Name => "change_request";

    public override string Description =>
        "Where a change request stands: its status (open, approved, rejected, stale, applied, withdrawn), proposal, reviews, " +
        "the entity's head now, and once applied the version it became with the checks recorded on that version.";

    protected override string InputSchema => ToolSchemas.Input(""" "cr":{"type":"string","pattern":"^cr-[1-9][0-9]*$","description":"the request, e.g. cr-3"} """, "\"cr\"");

    protected override string OutputSchema => ToolSchemas.Output($$$$"""
        "request":{{{{ToolSchemas.ChangeRequest}}}},
        "head_version":{"type":"integer","minimum":0},
        "checks":{"type":"array","items":{"type":"object","properties":{"name":{"type":"string"},"result":{"type":"string","enum":["pass","fail"]},"by":{"type":"string"},"at":{{{{ToolSchemas.Time}}}},"url":{"type":"string"},"message":{"type":"string"}},"required":["name","result","by","at"]}}
        """, "\"request\",\"head_version\",\"checks\"");

    public override async Task<ToolOutcome> CallAsync(ToolCall call, CancellationToken cancellationToken)
    {
        var id = call.Arguments.String("cr");
        if (!ChangeRequest.IsValidId(id))
        {
            throw new ToolArgumentException("cr", $"'cr' must be a change request id like cr-3, not '{id}'");
        }

        var request = await call.Get<ChangeRequestService>().GetAsync(id, cancellationToken);
        DemandRead(call, request.Target.Kind);
        var head = await call.Store.CountVersionsAsync(request.Target, cancellationToken);
        var checks = request.AppliedVersion is { } applied
            ? await CheckLedger.ReadAsync(call.Store, request.Target, applied, cancellationToken)
            : [];
        return new ToolOutcome(Json(writer =>
        {
            writer.WritePropertyName("request");
            JsonSerializer.Serialize(writer, WireChangeRequests.Of(request), VersoJson.TypeInfo<ChangeRequestInfo>());
            writer.WriteNumber("head_version", head);
            writer.WriteStartArray("checks");
            foreach (var check in checks)
            {
                writer.WriteStartObject();
                writer.WriteString("name", check.Name);
                writer.WriteString("result", check.Result);
                writer.WriteString("by", check.By);
                writer.WriteString("at", Timestamp.Format(check.At));
                if (check.Url is not null)
                {
                    writer.WriteString("url", check.Url);
                }

                if (check.Message is not null)
                {
                    writer.WriteString("message", check.Message);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }));
    }
}
