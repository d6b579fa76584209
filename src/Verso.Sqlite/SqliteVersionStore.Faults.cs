using Verso.Errors;

namespace Verso.Sqlite;

public sealed partial class SqliteVersionStore : IStoreFaultTranslator
{
    /// <inheritdoc />
    /// <remarks>
    /// SQLite's errors by cause: read-only file or directory, disk full, a file that is not a database,
    /// damaged pages, a lock held past the busy timeout, a value too big, a file that cannot be opened.
    /// </remarks>
    public VersoException? Translate(Exception exception) => SqliteFaults.Translate(exception, DataSource);
}
