using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Documents.Canonical;
using Verso.Governance.ChangeRequests;
using Verso.Contracts.Compare;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning;
using IVersionStore = Verso.Storage.IVersionStore;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>GET /change-requests/{cr}/diff</c>: the proposal compared with its base or with the current head, in
/// the shape <c>/entities/{kind}/{id}/diff</c> answers (the kind's diff rules, so prose comes with line
/// hunks), so a reviewer reads a proposal exactly as they read two versions.
/// </summary>
internal static class ChangeRequestDiffEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/change-requests/{cr}/diff", DiffAsync).WithName("diffChangeRequest").WithTags("change-requests")
            .Reads<DiffResult>("The proposal compared with its base (against=base, the default) or the current head (against=head)").Compares()
            .RequireRole(ApiRole.Reader);
    }

    private static async Task<JsonHttpResult<DiffResult>> DiffAsync(
        HttpContext http, VersioningService service, IVersionStore store, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, string? against,
        CancellationToken cancellationToken)
    {
        var side = against ?? "base";
        if (side is not ("base" or "head"))
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"against must be base or head, not '{side}'", "invalid-parameter").With("parameter", "against"));
        }

        var request = await requests.GetAsync(cr, cancellationToken);
        KindAccess.DemandDeclaredRole(http, request.Target.Kind);
        var older = side == "base"
            ? request.BaseRef is { } baseRef ? await service.GetAsync(baseRef, cancellationToken) : null
            : await store.GetLatestAsync(request.Target, cancellationToken);
        var before = older is { HasContent: true } ? JsonLimits.ParseNode(older.Content.Span) : null;
        var after = JsonNode.Parse(request.Proposal.Utf8.Span);
        var changes = JsonDiff.Compute(before, after, service.Kinds.Resolve(request.Target.Kind).DiffRules, ComparisonBudgets.For(http, options, cancellationToken));
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new DiffResult
        {
            From = older?.Ref.ToString() ?? $"{request.Target} (new)",
            To = $"{request.Id} revision {request.Revision}",
            Changes = WireCompare.Of(changes),
        });
    }
}
