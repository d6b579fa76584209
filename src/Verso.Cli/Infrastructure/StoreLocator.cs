using Verso.Sqlite;
using Verso.Storage;

namespace Verso.Cli.Infrastructure;

/// <summary>Turns <c>--store CONN</c> (or <c>$VERSO_STORE</c>, or the default file) into a store.</summary>
internal static class StoreLocator
{
    public static string Describe(string? option, CliConsole console) => Resolve(option, console);

    public static IVersionStore Open(string? option, CliConsole console)
    {
        var connection = Resolve(option, console);
        if (connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("PostgreSQL stores are not supported by this build of verso yet; use a SQLite file path");
        }

        return SqliteVersionStore.ForFile(connection);
    }

    private static string Resolve(string? option, CliConsole console)
    {
        var connection = option ?? console.Environment(GlobalOptions.StoreVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = GlobalOptions.DefaultStore;
        }

        return connection.Contains("://", StringComparison.Ordinal) ? connection : console.ResolvePath(connection);
    }
}
