using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verso.Server;
using Verso.Server.Checkpoints;
using Verso.Server.OpenApi;
using Verso.Server.Security;
using Verso.Server.Streams;
using Verso.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers what the REST API needs on top of <c>services.AddVerso()</c>.</summary>
public static class VersoServerServiceCollectionExtensions
{
    /// <summary>Registers the server's options (section <c>Verso:Server</c> when a configuration is given).</summary>
    public static IServiceCollection AddVersoServer(this IServiceCollection services, Action<VersoServerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddVersoOpenApi();
        services.AddOptions<CheckpointScheduleOptions>();
        services.TryAddSingleton<CheckpointWriter>();
        services.AddHostedService<CheckpointScheduler>();
        services.TryAddSingleton(provider => new Verso.Server.Caching.StoreStamp(provider.GetRequiredService<IVersionStore>()));
        services.TryAddSingleton<Verso.Server.Caching.RenderedVersions>();
        services.TryAddSingleton(provider => new TokenStore(provider.GetRequiredService<IVersionStore>(), provider.GetService<TimeProvider>()));
        // One change listener per server process, shared by every open change stream.
        services.TryAddSingleton(provider => new ChangeHub(
            provider.GetRequiredService<IVersionStore>(), provider.GetRequiredService<TokenStore>(), provider.GetRequiredService<IOptions<VersoServerOptions>>().Value,
            provider.GetRequiredService<ILogger<ChangeHub>>(), provider.GetService<TimeProvider>()));
        var options = services.AddOptions<VersoServerOptions>().BindConfiguration("Verso:Server")
            .Validate(o => o.DiffBudget > 0, "Verso:Server:DiffBudget must be a positive number of steps");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services;
    }
}
