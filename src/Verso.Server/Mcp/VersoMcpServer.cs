using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verso.Server.Mcp.Resources;
using Verso.Server.Mcp.Tools;

namespace Verso.Server.Mcp;

/// <summary>
/// Verso's MCP server, the same over both transports: streamable HTTP at <c>/mcp</c> on <c>verso serve</c>
/// (<c>services.AddVersoMcp()</c>, <c>app.MapVersoMcp()</c>) and stdio (<c>verso mcp</c>). Tools read, pin and
/// propose; resources serve versions, heads and histories. The handlers take the store, the caller and the
/// clock from the request's services: <see cref="Versioning.VersioningService"/>, and <see cref="McpCaller"/>
/// or the HTTP request's bearer token.
/// </summary>
public static class VersoMcpServer
{
    /// <summary>The server's name in <c>serverInfo</c>.</summary>
    public const string Name = "verso";

    /// <summary>The names of the tools served with <paramref name="services"/> (which may add tools), in the order they are listed.</summary>
    public static IReadOnlyList<string> ToolNames(IServiceProvider? services) => [.. VersoToolbox.All(services).Select(t => t.Name)];

    /// <summary>Sets the server's identity, capabilities and handlers on <paramref name="options"/>.</summary>
    public static void Configure(McpServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ServerInfo = new Implementation
        {
            Name = Name,
            Title = "Verso",
            Version = typeof(VersoMcpServer).Assembly.GetName().Version?.ToString() ?? "0.0.0",
            Description = "Versions of agent charters and organization configuration: resolve what is in force, pin decisions to it, propose changes for review.",
        };
        options.ServerInstructions =
            "Resolve each charter once when a task starts and keep the pin it answers; record_decision takes those pins. " +
            "You cannot save, apply, approve or tag: propose_change opens a change request that a person reviews and applies.";
        options.Capabilities ??= new ServerCapabilities();
        options.Capabilities.Tools = new ToolsCapability { ListChanged = false };
        options.Capabilities.Resources = new ResourcesCapability { Subscribe = false, ListChanged = false };
        options.Handlers.ListToolsHandler = VersoToolbox.ListAsync;
        options.Handlers.CallToolHandler = VersoToolbox.CallAsync;
        options.Handlers.ListResourceTemplatesHandler = VersoResources.ListTemplatesAsync;
        options.Handlers.ListResourcesHandler = VersoResources.ListAsync;
        options.Handlers.ReadResourceHandler = VersoResources.ReadAsync;
    }
}
