using Microsoft.Extensions.DependencyInjection.Extensions;
using Verso.Sqlite;
using Verso.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Selects the SQLite store: <c>services.AddVerso().UseSqlite("Data Source=verso.db")</c>.</summary>
public static class SqliteVersoBuilderExtensions
{
    /// <summary>Keeps versions in one SQLite file.</summary>
    /// <param name="builder">The builder from <c>AddVerso()</c>.</param>
    /// <param name="connectionString">A SQLite connection string, e.g. <c>Data Source=verso.db</c>.</param>
    public static VersoBuilder UseSqlite(this VersoBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IVersionStore>(new SqliteVersionStore(connectionString)));
        return builder;
    }
}
