using Microsoft.AspNetCore.Http;

namespace Verso.Server.Security.Access;

/// <summary>
/// The access checks for kinds an endpoint names outside its route — the refs of a query (<c>/compat</c>), the
/// items of a body (<c>/import</c>, <c>/prune</c>'s entity), a merge that saves — which the server's access filter
/// cannot see before the handler reads them. The rules are the filter's: the role for the kind, then the reserved kinds.
/// </summary>
internal static class KindAccess
{
    /// <summary>Refuses (403) unless the caller has <paramref name="role"/> for <paramref name="kind"/> and the kind is not reserved.</summary>
    public static void Demand(HttpContext http, ApiRole role, string kind)
    {
        DemandRole(http, role, kind);
        ReservedKindGuard.ThrowIfReserved(kind);
    }

    /// <summary>
    /// Refuses (403) a caller without the endpoint's declared role (<see cref="ApiAccessConventions.RequireRole"/>) on
    /// <paramref name="kind"/>: a change request's target is known only once the request is read, and the handler
    /// still names no role itself.
    /// </summary>
    /// <exception cref="InvalidOperationException">The endpoint declares no role.</exception>
    public static void DemandDeclaredRole(HttpContext http, string kind)
    {
        var access = http.GetEndpoint()?.Metadata.GetMetadata<ApiAccessRequirement>()
            ?? throw new InvalidOperationException($"{http.Request.Path} declares no role (RequireRole)");
        DemandRole(http, access.Role, kind);
    }

    /// <summary>Refuses (403) unless the caller has <paramref name="role"/> for <paramref name="kind"/>.</summary>
    public static void DemandRole(HttpContext http, ApiRole role, string kind) => Caller.Of(http).Demand(role, kind);

    /// <summary>Whether the caller may learn that an entity of <paramref name="kind"/> exists.</summary>
    public static bool MaySee(HttpContext http, string kind) => Caller.Of(http).MayTouch(kind) && !ReservedKindGuard.IsReserved(kind);

    /// <summary>Refuses (403) a kind-limited token <paramref name="what"/>, which covers every kind.</summary>
    public static void DemandEveryKind(HttpContext http, string what) => Caller.Of(http).DemandEveryKind(what);
}
