using Microsoft.AspNetCore.Routing;
using Verso.Server.Page;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Verso's web page into an app that maps the API: <c>app.MapVersoPage()</c>.</summary>
public static class VersoPageEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the page at <c>/</c> (it uses only the public API under <c>/api/v1</c>), its files under
    /// <c>/assets</c> with content hashes in their names, and <c>GET /api/v1/caller</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapVersoPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        PageEndpoints.Map(endpoints);
        return endpoints;
    }
}
