using Microsoft.AspNetCore.Routing;
using Verso.Server;
using Verso.Server.Endpoints;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Verso's REST API into any ASP.NET Core app: <c>app.MapVersoApi()</c>.</summary>
public static class VersoApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every resource under <c>/api/v1</c> and the probes <c>/healthz</c> and <c>/readyz</c>. Pair it
    /// with <c>services.AddVersoServer()</c> and <c>app.UseVersoServer()</c> (problem details, callers).
    /// </summary>
    /// <returns>The <c>/api/v1</c> route group, for further conventions.</returns>
    public static RouteGroupBuilder MapVersoApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        HealthEndpoints.Map(endpoints);
        var api = endpoints.MapGroup(ApiPaths.Root);
        StoreEndpoints.Map(api);
        EntityEndpoints.Map(api);
        HistoryEndpoints.Map(api);
        TagEndpoints.Map(api);
        CompareEndpoints.Map(api);
        ChangeEndpoints.Map(api);
        TokenEndpoints.Map(api);
        return api;
    }
}
