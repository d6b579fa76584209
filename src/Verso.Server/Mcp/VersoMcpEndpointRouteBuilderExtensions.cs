using Microsoft.AspNetCore.Routing;
using Verso.Server.Mcp;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps Verso's MCP endpoint: <c>app.MapVersoMcp()</c>.</summary>
public static class VersoMcpEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps streamable HTTP MCP at <c>/mcp</c>. Requests carry the same bearer tokens as the REST API and are checked by
    /// the same middleware (<c>app.UseVersoServer()</c>).
    /// </summary>
    public static IEndpointConventionBuilder MapVersoMcp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapMcp(McpPaths.Root);
    }
}
