using System.Runtime.CompilerServices;
using Verso.Postgres;
using Verso.Sqlite;
using Verso.Storage;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Turns <c>--store CONN</c> (or <c>$VERSO_STORE</c>, or the default file) into a store. The default file is found
/// as git finds its repository: <c>./verso.db</c>, else the nearest <c>verso.db</c> in a directory above, so any
/// command works from a subdirectory of the organization's folder. <c>init</c> never looks upward: it creates
/// (or upgrades) <c>./verso.db</c> where it runs.
/// </summary>
/// <remarks>
/// Each backend is touched only in a method of its own, never inlined, so that a SQLite command does not
/// load the PostgreSQL driver's assemblies (the JIT loads an assembly when it compiles a method naming it).
/// </remarks>
internal static class StoreLocator
{
    /// <summary>Where the store is, for messages: a full file path or host:port/db (never a password).</summary>
    public static string Describe(string? option, CliConsole console, bool discover = true)
    {
        var connection = Resolve(option, console, discover);
        return IsPostgresUri(connection) ? DescribePostgres(connection) : connection;
    }

    public static IVersionStore Open(string? option, CliConsole console, bool discover = true)
    {
        var connection = Resolve(option, console, discover);
        return IsPostgresUri(connection) ? OpenPostgres(connection) : OpenSqlite(connection);
    }

    /// <summary>
    /// Fails as opening would when the store is a SQLite file that does not exist, before a command says anything
    /// else (such as who it records the change as). A server store is checked when it is first used.
    /// </summary>
    /// <exception cref="Errors.StoreUnavailableException">No file at the store's path.</exception>
    public static void ThrowIfMissing(string? option, CliConsole console)
    {
        var connection = Resolve(option, console, discover: true);
        if (!IsPostgresUri(connection) && !File.Exists(connection))
        {
            throw new Errors.StoreUnavailableException($"no Verso store at {connection}; run 'verso init' to create it");
        }
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

    private static string Resolve(string? option, CliConsole console, bool discover)
    {
        var connection = option ?? console.Environment(GlobalOptions.StoreVariable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return discover ? Discover(console.WorkingDirectory) ?? console.ResolvePath(GlobalOptions.DefaultStore) : console.ResolvePath(GlobalOptions.DefaultStore);
        }

        return IsPostgresUri(connection) ? connection : console.ResolvePath(connection);
    }

    // The nearest verso.db at or above the working directory, or null.
    private static string? Discover(string workingDirectory)
    {
        for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, GlobalOptions.DefaultStore);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
