namespace Verso.Storage;

/// <summary>
/// A store that can give back the space its files hold but no longer use (<c>verso gc</c>, after
/// <see cref="IContentCompaction"/>): SQLite rewrites its file (<c>VACUUM</c>), PostgreSQL its tables
/// (<c>VACUUM (FULL)</c>). Versions, hashes and every read stay as they were.
/// </summary>
public interface IStoreRepack
{
    /// <summary>The bytes the store takes on disk now: SQLite's file and its write-ahead log; PostgreSQL's tables, indexes and TOAST.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<long> GetStoreBytesAsync(CancellationToken cancellationToken = default);

    /// <summary>Rewrites the store's files compactly. Writers wait while it runs (PostgreSQL: each table is locked while it is rewritten).</summary>
    /// <param name="cancellationToken">Cancels before the rewrite starts; a rewrite under way finishes or leaves the files as they were.</param>
    Task RepackAsync(CancellationToken cancellationToken = default);
}
