namespace Verso.Errors;

/// <summary>Why a store could not do what it was asked, as a face (CLI, API) reports it.</summary>
public enum StoreFailureCause
{
    /// <summary>The store's file, directory or database cannot be written (read-only file system, permissions, a read-only transaction).</summary>
    ReadOnly,

    /// <summary>The disk (or a file-size limit, or a quota) is full; nothing was written.</summary>
    DiskFull,

    /// <summary>The file or database is not a Verso store: not a database at all, or a database without Verso's tables.</summary>
    NotAStore,

    /// <summary>The store's own pages or rows are damaged (the database engine says so); <c>verify</c> names what it can.</summary>
    Corrupt,

    /// <summary>Another writer held the store longer than the busy timeout.</summary>
    Busy,

    /// <summary>A value is larger than the store accepts.</summary>
    TooBig,

    /// <summary>The store cannot be reached or opened (missing file or directory, connection refused, I/O error).</summary>
    Unavailable,
}
