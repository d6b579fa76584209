using System.IO.Pipelines;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Server.Mcp;
using Verso.Server.Security;
using Verso.Storage;

namespace Verso.Server.Tests.Mcp;

/// <summary>
/// The REST API and <c>/mcp</c> hosted as a team hosts them (<c>AddVersoServer</c>, <c>AddVersoMcp</c>,
/// <c>UseVersoServer</c>, <c>MapVersoApi</c>, <c>MapVersoMcp</c>) over a real store, plus the stdio server as
/// <c>verso mcp</c> builds it, run over in-process pipes. Clients are the official C# SDK's.
/// </summary>
public sealed class McpHost(IVersionStore store) : WebApplicationFactory<McpHost>
{
    private readonly List<IAsyncDisposable> _servers = [];

    static McpHost()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VERSO_SERVER_TESTS", AppContext.BaseDirectory);
    }

    public IVersionStore Store { get; } = store;

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .ConfigureServices(services =>
            {
                services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
                services.AddSingleton(Store);
                services.AddVerso();
                services.AddVersoServer();
                services.AddVersoAgentsApi();
                services.AddVersoMcp();
                services.AddRouting();
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseVersoServer();
                app.UseEndpoints(endpoints =>
                {
                    endpoints.MapVersoApi();
                    endpoints.MapVersoMcp();
                });
            }));

    /// <summary>A client of <c>/mcp</c> over streamable HTTP, with a bearer token when given.</summary>
    public Task<McpClient> ConnectHttpAsync(string? token)
    {
        var headers = new Dictionary<string, string>();
        if (token is not null)
        {
            headers["Authorization"] = $"Bearer {token}";
        }

        var http = CreateClient();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(http.BaseAddress!, McpPaths.Root), AdditionalHeaders = headers },
            http, NullLoggerFactory.Instance, ownsHttpClient: true);
        return McpClient.CreateAsync(transport, null, NullLoggerFactory.Instance);
    }

    /// <summary>A client of the stdio server as <c>verso mcp</c> runs it, acting as <paramref name="caller"/>.</summary>
    public async Task<McpClient> ConnectStdioAsync(Caller caller)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var services = new ServiceCollection();
        services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
        services.AddSingleton(Store);
        services.AddVerso();
        services.AddSingleton(new McpCaller(caller));
        services.AddVersoAgentsApi();
        var provider = services.BuildServiceProvider();
        var options = new McpServerOptions();
        VersoMcpServer.Configure(options);
        var transport = new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream(), VersoMcpServer.Name, NullLoggerFactory.Instance);
        var server = McpServer.Create(transport, options, NullLoggerFactory.Instance, provider);
        var running = server.RunAsync();
        _servers.Add(new Running(server, transport, provider, running, toServer));
        var client = new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream(), NullLoggerFactory.Instance);
        return await McpClient.CreateAsync(client, null, NullLoggerFactory.Instance);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed record Running(McpServer Server, StreamServerTransport Transport, ServiceProvider Provider, Task Task, Pipe Input) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Input.Writer.CompleteAsync();
            await Server.DisposeAsync();
            await Transport.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
