using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Verso.Server;
using Verso.Server.Checkpoints;
using Verso.Server.OpenApi;
using Verso.Server.Security;
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
        services.TryAddSingleton(provider => new TokenStore(provider.GetRequiredService<IVersionStore>(), provider.GetService<TimeProvider>()));
        var options = services.AddOptions<VersoServerOptions>().BindConfiguration("Verso:Server");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return services;
    }
}
