using Microsoft.Extensions.DependencyInjection.Extensions;
using Verso.Postgres;
using Verso.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Selects the PostgreSQL store: <c>services.AddVerso().UsePostgres("postgres://…")</c>.</summary>
public static class PostgresVersoBuilderExtensions
{
    /// <summary>Keeps versions in a PostgreSQL database.</summary>
    /// <param name="builder">The builder from <c>AddVerso()</c>.</param>
    /// <param name="uriOrConnectionString"><c>postgres://user:pass@host:port/db</c> or an Npgsql connection string.</param>
    public static VersoBuilder UsePostgres(this VersoBuilder builder, string uriOrConnectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IVersionStore>(new PostgresVersionStore(uriOrConnectionString)));
        return builder;
    }
}
