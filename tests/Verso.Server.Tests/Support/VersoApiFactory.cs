using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Server;
using Verso.Storage;

namespace Verso.Server.Tests.Support;

/// <summary>
/// The API hosted the way a team hosts it in its own app (<c>AddVerso</c>, <c>AddVersoServer</c>,
/// <c>UseVersoServer</c>, <c>MapVersoApi</c>), over a real store, in memory through the test server.
/// </summary>
public sealed class VersoApiFactory(IVersionStore store, Action<VersoServerOptions>? configure = null) : WebApplicationFactory<VersoApiFactory>
{
    static VersoApiFactory()
    {
        // The host has no project folder of its own to be the content root; the test's output folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VERSO_SERVER_TESTS", AppContext.BaseDirectory);
    }

    public IVersionStore Store { get; } = store;

    public LogCapture Logs { get; } = new();

    /// <summary>Stops the server, then fails when any line it logged holds the secret of a token in its store.</summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        var leaks = await LoggedSecrets.FindAsync(Store, Logs.Lines);
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException($"the server logged token secrets:\n{string.Join("\n", leaks)}");
        }
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder().ConfigureWebHost(web => web
            .ConfigureLogging(logging => logging.AddProvider(Logs))
            .ConfigureServices(services =>
            {
                // The tests' own kinds, registered as a host registers its kinds, so a first save to them needs no new_kind=true.
                services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()).Register(EntityKind.Document("doc")).Register(EntityKind.Document("note")));
                services.AddSingleton(Store);
                services.AddVerso();
                services.AddVersoServer(configure);
                services.AddVersoAgentsApi();
                services.AddRouting();
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseVersoServer();
                app.UseEndpoints(endpoints => endpoints.MapVersoApi());
            }));
}
