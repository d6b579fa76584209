using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Server;
using Verso.Cli.Infrastructure;
using Verso.Server.Mcp;

namespace Verso.Cli.Mcp;

/// <summary>
/// <c>verso mcp --server URL</c>: a stdio MCP server whose every request is answered by a Verso server's
/// <c>/mcp</c>, with the bearer token. The server applies the token's role and kinds and keeps the audit; this
/// process holds no store and no rights of its own.
/// </summary>
internal static class McpForwarder
{
    public static async Task RunAsync(Uri endpoint, string? token, CliConsole console, CancellationToken cancellationToken)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (token is not null)
        {
            headers["Authorization"] = $"Bearer {token.Trim()}";
        }

        var transportOptions = new HttpClientTransportOptions { Endpoint = endpoint, AdditionalHeaders = headers, Name = VersoMcpServer.Name };
        await using var client = await McpClient.CreateAsync(new HttpClientTransport(transportOptions, NullLoggerFactory.Instance), null, NullLoggerFactory.Instance, cancellationToken);
        var options = new McpServerOptions();
        VersoMcpServer.Configure(options);
        options.Handlers.ListToolsHandler = async (context, ct) => await client.ListToolsAsync(context.Params ?? new(), ct);
        options.Handlers.CallToolHandler = async (context, ct) => await client.CallToolAsync(context.Params!, ct);
        options.Handlers.ListResourceTemplatesHandler = async (context, ct) => await client.ListResourceTemplatesAsync(context.Params ?? new(), ct);
        options.Handlers.ListResourcesHandler = async (context, ct) => await client.ListResourcesAsync(context.Params ?? new(), ct);
        options.Handlers.ReadResourceHandler = async (context, ct) => await client.ReadResourceAsync(context.Params!, ct);
        await using var transport = new StreamServerTransport(console.Input, console.OutputStream, VersoMcpServer.Name, NullLoggerFactory.Instance);
        await using var server = McpServer.Create(transport, options, NullLoggerFactory.Instance);
        await server.RunAsync(cancellationToken);
    }
}
