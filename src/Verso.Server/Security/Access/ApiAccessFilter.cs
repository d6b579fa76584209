using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Naming;

namespace Verso.Server.Security.Access;

/// <summary>
/// The one authorization check of the API: reads the endpoint's <see cref="ApiAccessRequirement"/> and the
/// <c>{kind}</c> (and <c>{id}</c>) of its route, and refuses before the handler runs. The order is the one
/// every endpoint answered before the check moved here: a malformed name is 400, a missing role or a kind
/// outside the token's kinds 403, a reserved kind 403.
/// </summary>
internal sealed class ApiAccessFilter : IEndpointFilter
{
    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Closed by default: an endpoint that forgot to declare its role answers 500, never serves everyone.
        var access = http.GetEndpoint()?.Metadata.GetMetadata<ApiAccessRequirement>()
            ?? throw new InvalidOperationException($"{http.Request.Method} {http.Request.Path} declares no role (RequireRole)");
        Check(http, access);
        return next(context);
    }

    private static void Check(HttpContext http, ApiAccessRequirement access)
    {
        var named = http.GetRouteValue("kind") as string ?? (access.KindInQuery ? QueryKind(http) : null);
        if (named is not string kind)
        {
            Caller.Of(http).Demand(access.Role);
            if (access.EveryKind is { } what)
            {
                KindAccess.DemandEveryKind(http, what);
            }

            return;
        }

        if (http.GetRouteValue("id") is string id)
        {
            _ = EntityKey.Create(kind, id);
        }
        else
        {
            EntityKey.ValidateKind(kind);
        }

        KindAccess.Demand(http, access.Role, kind);
    }

    // ?kind= once; an empty or repeated one is checked as given, so it fails as a malformed name.
    private static string? QueryKind(HttpContext http) =>
        http.Request.Query.TryGetValue("kind", out var values) ? values.ToString() : null;
}
