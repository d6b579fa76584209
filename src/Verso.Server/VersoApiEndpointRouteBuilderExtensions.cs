using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;
using Verso.Server;
using Verso.Server.Endpoints;
using Verso.Server.Security.Access;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Verso's REST API into any ASP.NET Core app: <c>app.MapVersoApi()</c>.</summary>
public static class VersoApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every resource under <c>/api/v1</c>, the probes <c>/healthz</c> and <c>/readyz</c>, the OpenAPI
    /// document at <c>/openapi/v1.json</c> and its reference page at <c>/docs</c>. Pair it
    /// with <c>services.AddVersoServer()</c> and <c>app.UseVersoServer()</c> (problem details, callers). The parts a
    /// layer above registered (<see cref="VersoApiPart"/>, e.g. <c>services.AddVersoAgentsApi()</c>'s decisions) are
    /// mapped at their slots in the same group.
    /// </summary>
    /// <returns>The <c>/api/v1</c> route group, for further conventions.</returns>
    public static RouteGroupBuilder MapVersoApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        HealthEndpoints.Map(endpoints);
        endpoints.MapOpenApi("/openapi/{documentName}.json");
        // The reference page serves its script from the assembly: it works offline, with no CDN and no font host.
        endpoints.MapScalarApiReference("/docs", options => options
            .WithTitle("Verso API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts());
        var api = endpoints.MapGroup(ApiPaths.Root);
        // Every endpoint declares who may call it (RequireRole); this one filter enforces it before the handler.
        api.AddEndpointFilter(new ApiAccessFilter());
        var parts = endpoints.ServiceProvider.GetServices<VersoApiPart>().ToList();
        StoreEndpoints.Map(api);
        EntityEndpoints.Map(api);
        HistoryEndpoints.Map(api);
        RecordFileEndpoints.Map(api);
        TagEndpoints.Map(api);
        CompareEndpoints.Map(api);
        ChangeEndpoints.Map(api);
        TokenEndpoints.Map(api);
        MergeEndpoints.Map(api);
        MapParts(api, parts, VersoApiSlot.AfterMerge);
        ChangeRequestEndpoints.Map(api);
        ChangeRequestDiffEndpoints.Map(api);
        CheckEndpoints.Map(api);
        RolloutEndpoints.MapReads(api);
        MapParts(api, parts, VersoApiSlot.AfterRolloutReads);
        RolloutEndpoints.MapWrites(api);
        PromotionEndpoints.Map(api);
        AdminEndpoints.Map(api);
        ImportEndpoints.Map(api);
        CheckpointEndpoints.Map(api);
        SignatureEndpoints.Map(api);
        return api;
    }

    private static void MapParts(RouteGroupBuilder api, List<VersoApiPart> parts, VersoApiSlot slot)
    {
        foreach (var part in parts.Where(p => p.Slot == slot))
        {
            part.Map(api);
        }
    }
}
