using Microsoft.AspNetCore.Http;

namespace Verso.Server.Security.Access;

/// <summary>
/// The access check for a kind the route does not name: a change request's target is known only once the request
/// is read. The role is still the endpoint's declared one (<see cref="ApiAccessConventions.RequireRole"/>), so a
/// handler never names a role itself.
/// </summary>
internal static class ApiAccess
{
    /// <summary>Refuses (403) a caller without the endpoint's role on <paramref name="kind"/>.</summary>
    /// <exception cref="InvalidOperationException">The endpoint declares no role.</exception>
    public static void DemandKind(HttpContext http, string kind)
    {
        var access = http.GetEndpoint()?.Metadata.GetMetadata<ApiAccessRequirement>()
            ?? throw new InvalidOperationException($"{http.Request.Path} declares no role (RequireRole)");
        Caller.Of(http).Demand(access.Role, kind);
    }
}
