namespace Verso.Sqlite;

// Why a store file could not be opened, from what the file system says about its path: the message
// must fit the command (init creates, everything else opens an existing store).
internal static class SqliteOpenFailure
{
    public static string Describe(string dataSource, bool creating)
    {
        if (Directory.Exists(dataSource))
        {
            return $"{dataSource} is a directory; a SQLite store is a file, e.g. {Path.Combine(dataSource, "verso.db")}";
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (parent is not null && !Directory.Exists(parent))
        {
            return creating
                ? $"cannot create {dataSource}: the directory {parent} does not exist"
                : $"no Verso store at {dataSource} (the directory {parent} does not exist)";
        }

        if (File.Exists(dataSource))
        {
            return $"cannot open {dataSource}: permission denied";
        }

        return creating
            ? $"cannot create {dataSource}: its directory is not writable"
            : $"no Verso store at {dataSource}; run 'verso init' to create it";
    }
}
