using System.Runtime.CompilerServices;
using Verso.Postgres;
using Verso.Sqlite;
using Verso.Storage;

namespace Verso.Cli.Infrastructure;

/// <summary>Turns <c>--store CONN</c> (or <c>$VERSO_STORE</c>, or the default file) into a store.</summary>
/// <remarks>
/// Each backend is touched only in a method of its own, never inlined, so that a SQLite command does not
/// load the PostgreSQL driver's assemblies (the JIT loads an assembly when it compiles a method naming it).
/// </remarks>
internal static class StoreLocator
{
    /// <summary>Where the store is, for messages: a full file path or host:port/db (never a password).</summary>
    public static string Describe(string? option, CliConsole console)
    {
        var connection = Resolve(option, console);
        return IsPostgresUri(connection) ? DescribePostgres(connection) : connection;
    }

    public static IVersionStore Open(string? option, CliConsole console)
    {
        var connection = Resolve(option, console);
        return IsPostgresUri(connection) ? OpenPostgres(connection) : OpenSqlite(connection);
    }

    // The same test as PostgresConnectionStrings.IsUri, kept here so that asking it loads nothing.
    private static bool IsPostgresUri(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IVersionStore OpenSqlite(string path) => SqliteVersionStore.ForFile(path);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IVersionStore OpenPostgres(string uri) => new PostgresVersionStore(ToNpgsql(uri));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string DescribePostgres(string uri) => PostgresConnectionStrings.Describe(ToNpgsql(uri));

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

        return IsPostgresUri(connection) ? connection : console.ResolvePath(connection);
    }
}
