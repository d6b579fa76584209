using Verso.Postgres;
using Verso.Sqlite;
using Verso.Storage;

namespace Verso.Cli.Infrastructure;

/// <summary>Turns <c>--store CONN</c> (or <c>$VERSO_STORE</c>, or the default file) into a store.</summary>
internal static class StoreLocator
{
    /// <summary>Where the store is, for messages: a full file path or host:port/db (never a password).</summary>
    public static string Describe(string? option, CliConsole console)
    {
        var connection = Resolve(option, console);
        return PostgresConnectionStrings.IsUri(connection)
            ? PostgresConnectionStrings.Describe(ToNpgsql(connection))
            : connection;
    }

    public static IVersionStore Open(string? option, CliConsole console)
    {
        var connection = Resolve(option, console);
        return PostgresConnectionStrings.IsUri(connection)
            ? new PostgresVersionStore(ToNpgsql(connection))
            : SqliteVersionStore.ForFile(connection);
    }

    private static string ToNpgsql(string uri)
    {
        try
        {
            return PostgresConnectionStrings.ToNpgsql(uri);
        }
        catch (FormatException exception)
        {
            throw new UsageException($"invalid --store: {exception.Message}");
        }
    }

    private static string Resolve(string? option, CliConsole console)
    {
        var connection = option ?? console.Environment(GlobalOptions.StoreVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = GlobalOptions.DefaultStore;
        }

        return PostgresConnectionStrings.IsUri(connection) ? connection : console.ResolvePath(connection);
    }
}
