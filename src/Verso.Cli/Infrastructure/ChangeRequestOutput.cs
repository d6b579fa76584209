using System.Text.Json;
using Verso.Governance.ChangeRequests;
using Verso.Contracts;
using Verso.Contracts.ChangeRequests;
using Verso.Server.Wire;

namespace Verso.Cli.Infrastructure;

/// <summary>The JSON and one-line shapes of a change request, shared by propose, crs, cr, review and apply.</summary>
internal static class ChangeRequestOutput
{
    /// <summary>e.g. <c>cr-3 open agent/alice (base @2, revision 1) by ann: braver</c>.</summary>
    public static string Line(ChangeRequest request) =>
        $"{request.Id} {request.Status.ToName()} {request.Target} (base @{request.BaseVersion}, revision {request.Revision}) by {request.Author}"
        + (request.Approvers.IsEmpty ? "" : $", approved by {string.Join(", ", request.Approvers)}")
        + (request.Message is null ? "" : $": {request.Message}");

    /// <summary>Writes the request as the API serves it (the contract <see cref="ChangeRequestInfo"/>), so scripts read one shape.</summary>
    public static void Write(Utf8JsonWriter writer, ChangeRequest request) =>
        JsonSerializer.Serialize(writer, WireChangeRequests.Of(request), VersoJson.TypeInfo<ChangeRequestInfo>());
}
