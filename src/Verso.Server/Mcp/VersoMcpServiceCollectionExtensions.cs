using ModelContextProtocol.AspNetCore;
using Verso.Server.Mcp;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Verso's MCP server for streamable HTTP: <c>services.AddVersoMcp()</c>, then <c>app.MapVersoMcp()</c>.</summary>
public static class VersoMcpServiceCollectionExtensions
{
    /// <summary>
    /// Adds the MCP server over streamable HTTP, stateless (no session id, any instance answers any request), next to
    /// <c>AddVerso()</c> and <c>AddVersoServer()</c>, whose store and tokens it uses.
    /// </summary>
    public static IServiceCollection AddVersoMcp(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddHttpContextAccessor();
        services.AddMcpServer(VersoMcpServer.Configure).WithHttpTransport(ConfigureTransport);
        return services;
    }

    private static void ConfigureTransport(HttpServerTransportOptions options) => options.Stateless = true;
}
