using System.Globalization;
using Microsoft.Data.Sqlite;
using Verso.Errors;

namespace Verso.Sqlite;

// SQLite's result codes in a user's words, by cause: https://sqlite.org/rescode.html (primary codes).
internal static class SqliteFaults
{
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int NoMem = 7;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int TooBig = 18;
    private const int NotADb = 26;
    private const int IoErrWrite = IoErr | (3 << 8);
    private const int IoErrFsync = IoErr | (4 << 8);
    private const int IoErrTruncate = IoErr | (6 << 8);
    private const int IoErrShmSize = IoErr | (19 << 8);

    public static VersoException? Translate(Exception exception, string dataSource)
    {
        if (exception is not SqliteException sqlite)
        {
            return null;
        }

        var code = sqlite.SqliteErrorCode & 0xFF;
        var (cause, message) = code switch
        {
            ReadOnly or Perm => (StoreFailureCause.ReadOnly,
                $"cannot write {dataSource}: the file or its directory is read-only (SQLite keeps its -wal and -shm files beside the store)"),
            Full => (StoreFailureCause.DiskFull, $"the disk holding {dataSource} is full (or a file-size limit was reached); nothing was saved"),
            NotADb => (StoreFailureCause.NotAStore, NotAStore(dataSource)),
            Corrupt => (StoreFailureCause.Corrupt, $"{dataSource} is damaged (SQLite: {Reason(sqlite)}); run 'verso verify' and restore it from a backup"),
            Busy or Locked => (StoreFailureCause.Busy, $"{dataSource} is busy: another process held its write lock past the timeout; try again"),
            TooBig => (StoreFailureCause.TooBig, $"a value is too big for {dataSource} (SQLite: {Reason(sqlite)})"),
            NoMem => (StoreFailureCause.Unavailable, $"SQLite ran out of memory working on {dataSource}"),
            CantOpen => (StoreFailureCause.Unavailable, SqliteOpenFailure.Describe(dataSource, creating: false)),
            // A short write (the file-size limit, a full disk the OS reports as EFBIG) comes as an I/O error on write, sync or truncate.
            IoErr when sqlite.SqliteExtendedErrorCode is IoErrWrite or IoErrFsync or IoErrTruncate or IoErrShmSize => (StoreFailureCause.DiskFull,
                $"cannot write {dataSource}: the disk is full, a file-size limit was reached, or the device failed; nothing was saved"),
            IoErr => (StoreFailureCause.Unavailable, $"I/O error on {dataSource} (SQLite: {Reason(sqlite)})"),
            _ => (StoreFailureCause.Unavailable, $"SQLite failed on {dataSource}: {Reason(sqlite)}"),
        };
        return new StoreFailureException(dataSource, cause, message, exception)
        {
            DriverCode = sqlite.SqliteExtendedErrorCode.ToString(CultureInfo.InvariantCulture),
        };
    }

    public static string NotAStore(string dataSource) => $"{dataSource} is not a Verso store (it is not a SQLite database)";

    // "SQLite Error 11: 'database disk image is malformed'." → "database disk image is malformed".
    private static string Reason(SqliteException exception)
    {
        var message = exception.Message;
        var open = message.IndexOf('\'', StringComparison.Ordinal);
        var close = message.LastIndexOf('\'');
        return open >= 0 && close > open ? message[(open + 1)..close] : message;
    }
}
