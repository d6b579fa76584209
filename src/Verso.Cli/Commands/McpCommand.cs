using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Server;
using Verso.Agents.Kinds;
using Verso.Cli.Infrastructure;
using Verso.Cli.Mcp;
using Verso.Model.Kinds;
using Verso.Server.Mcp;
using Verso.Server.Security;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso mcp [--token TOKEN] [--by WHO] [--server URL]</c>: Verso's MCP server over stdio, for a host that starts
/// an agent's tools as processes. On the store (<c>--store</c>) the token's role and kinds apply as on the REST API;
/// with <c>--server</c> every message goes to that server's <c>/mcp</c> with the token.
/// </summary>
internal static class McpCommand
{
    public const string TokenVariable = "VERSO_TOKEN";

    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var token = new Option<string?>("--token") { Description = $"act as this bearer token (default ${TokenVariable}); without one, as --by with every right", HelpName = "TOKEN" };
        var by = Author.Option("who the MCP writes are recorded as when no token is given");
        var server = new Option<string?>("--server") { Description = "forward to this server's /mcp (e.g. http://127.0.0.1:5180) instead of opening the store", HelpName = "URL" };
        var command = new Command("mcp", "serve Verso's MCP tools and resources over stdio (resolve, pin, propose; never save, apply or tag)") { token, by, server };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var text = parse.GetValue(token) ?? console.Environment(TokenVariable);
            if (text is not null && string.IsNullOrWhiteSpace(text))
            {
                throw new UsageException("--token is empty");
            }

            if (parse.GetValue(server) is { } url)
            {
                await McpForwarder.RunAsync(ServerEndpoint(url), text, console, cancellationToken);
                return ExitCodes.Ok;
            }

            var caller = text is null
                ? new Caller(await Author.ResolveAsync(context, by, cancellationToken), ApiRole.Admin, [], ActAs: false)
                : await AuthenticateAsync(context, text, cancellationToken);
            await using var services = Services(context, caller);
            var options = new McpServerOptions();
            VersoMcpServer.Configure(options);
            await using var transport = new StreamServerTransport(console.Input, console.OutputStream, VersoMcpServer.Name, NullLoggerFactory.Instance);
            await using var mcp = McpServer.Create(transport, options, NullLoggerFactory.Instance, services);
            await mcp.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Caller> AuthenticateAsync(CommandContext context, string token, CancellationToken cancellationToken)
    {
        var (caller, failure) = await new TokenStore(context.Store).AuthenticateAsync(token.Trim(), cancellationToken);
        // The reason names the token's name at most, never its secret.
        return caller ?? throw new UsageException($"the token is not valid for this store: {failure}");
    }

    private static ServiceProvider Services(CommandContext context, Caller caller)
    {
        var services = new ServiceCollection();
        services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
        services.AddSingleton(context.Store);
        services.AddVerso();
        services.AddSingleton(new McpCaller(caller));
        // The domain's tool (record_decision) as verso serve lists it.
        services.AddVersoAgentsApi();
        return services.BuildServiceProvider();
    }

    private static Uri ServerEndpoint(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"invalid --server '{url}': expected http://HOST:PORT, e.g. http://127.0.0.1:5180");
        }

        return new Uri(uri, McpPaths.Root);
    }
}
