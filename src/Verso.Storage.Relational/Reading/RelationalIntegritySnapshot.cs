using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Reading;

/// <summary>
/// What verify reads, the same statements in both stores (<see cref="IntegrityQueries"/>); a store adds how it
/// holds one consistent view (its transaction), how it runs a statement in it, and its own page check.
/// </summary>
internal abstract class RelationalIntegritySnapshot(SqlDialect dialect) : IIntegritySnapshot
{
    /// <inheritdoc />
    public abstract Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) => ReadAsync(IntegrityQueries.Heads(dialect), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) => ReadAsync(IntegrityQueries.Snapshots(dialect), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<StoredTag> ScanTagsAsync(CancellationToken cancellationToken = default) => ReadAsync(IntegrityQueries.Tags(dialect), cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<TagMove> ScanTagHistoryAsync(CancellationToken cancellationToken = default) => ReadAsync(IntegrityQueries.TagHistory(dialect), cancellationToken);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();

    /// <summary>The rows of <paramref name="query"/> in the snapshot's view, through <see cref="IntegrityRows"/>.</summary>
    protected abstract IAsyncEnumerable<T> ReadAsync<T>(IntegrityQuery<T> query, CancellationToken cancellationToken);
}
