using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Verso the .NET way: <c>services.AddVerso().UseSqlite("Data Source=verso.db")</c>.</summary>
public static class VersoServiceCollectionExtensions
{
    /// <summary>Registers the kind registry, the clock, the versioning service and the change request and check services; pick a store on the builder.</summary>
    public static VersoBuilder AddVerso(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider =>
        {
            var kinds = new KindRegistry();
            foreach (var registration in provider.GetServices<KindRegistration>())
            {
                kinds.Register(registration.Kind);
            }

            return kinds;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new VersioningService(
            provider.GetRequiredService<IVersionStore>(),
            provider.GetRequiredService<KindRegistry>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<VersioningService>>())
        {
            Signer = provider.GetService<Verso.Versioning.Signatures.EventSigner>(),
        });
        services.TryAddSingleton(provider => new ChangeRequestService(
            provider.GetRequiredService<VersioningService>(), provider.GetService<ILogger<ChangeRequestService>>()));
        services.TryAddSingleton(provider => new Verso.Versioning.Rollouts.RolloutService(provider.GetRequiredService<VersioningService>()));
        services.TryAddSingleton(provider => new CheckService(
            provider.GetRequiredService<VersioningService>(), provider.GetService<ILogger<CheckService>>()));
        return new VersoBuilder(services);
    }

    /// <summary>Keeps versions in memory, for tests and short-lived tools.</summary>
    public static VersoBuilder UseInMemory(this VersoBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IVersionStore, InMemoryVersionStore>());
        return builder;
    }

    /// <summary>Registers a kind so that its name resolves to it.</summary>
    public static VersoBuilder AddKind(this VersoBuilder builder, EntityKind kind)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new KindRegistration(kind));
        return builder;
    }
}
