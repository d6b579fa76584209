using Verso.Errors;
using Verso.Storage;

namespace Verso.Sqlite;

// Every public operation runs inside _faults, which translates SqliteException by its code into a
// StoreFailureException where the driver is called; Translate stays for callers holding a raw driver error.
public sealed partial class SqliteVersionStore : IStoreFaultTranslator, IWriteReadiness
{
    /// <inheritdoc />
    public StoreFailureException? WriteFault => _faults.WriteFault;

    /// <summary>Statements every connection runs after opening (tests: real limits such as <c>PRAGMA max_page_count</c>).</summary>
    internal string? ExtraPragmas
    {
        get => _connections.ExtraPragmas;
        set => _connections.ExtraPragmas = value;
    }

    /// <inheritdoc />
    /// <remarks>
    /// SQLite's errors by cause: read-only file or directory, disk full, a file that is not a database,
    /// damaged pages, a lock held past the busy timeout, a value too big, a file that cannot be opened.
    /// </remarks>
    public VersoException? Translate(Exception exception) => SqliteFaults.Translate(exception, DataSource);
}
