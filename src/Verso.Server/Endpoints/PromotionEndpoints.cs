using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Governance.Checks;
using Verso.Contracts.Promotion;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>GET /entities/{kind}/{id}/promotion</c>: for each tag a policy guards, whether a version (the head by
/// default) could carry it now, and when not, which rule refuses and what would satisfy it. The same
/// question a tag move asks, answered without moving anything, so a client can say so before it tries.
/// </summary>
internal static class PromotionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/promotion", PromotionAsync).WithName("getPromotion").WithTags("checks")
            .Reads<PromotionStatus>("Whether a version could carry each tag a policy guards, and what it lacks").RequireRole(ApiRole.Reader);
    }

    private static async Task<JsonHttpResult<PromotionStatus>> PromotionAsync(
        VersioningService service, CheckService checks, string kind, string id, string? version, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var target = await service.GetAsync(version is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, version), cancellationToken);
        var guarded = (await service.Policies.AllAsync(cancellationToken)).Where(p => p.Scope.Kind == PolicyScopeKind.Tag).ToList();
        var results = await checks.ListAsync(key, target.Version, cancellationToken);
        var reference = target.Ref.ToString();
        return WireResults.Ok(new PromotionStatus
        {
            Ref = reference,
            Version = target.Version,
            Items = [.. guarded.Select(policy => WirePromotion.Of(reference, policy, results))],
        });
    }
}
