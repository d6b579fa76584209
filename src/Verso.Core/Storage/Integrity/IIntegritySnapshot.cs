using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Storage.Integrity;

/// <summary>Everything a verify reads, all from one moment of the store.</summary>
public interface IIntegritySnapshot : IAsyncDisposable
{
    /// <summary>
    /// The database engine's own check of its pages and indexes (SQLite's <c>integrity_check</c>, or
    /// <c>quick_check</c> when <paramref name="quick"/>): one line per problem, empty when sound.
    /// </summary>
    Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default);

    /// <summary>Every entity with its head as its row records it, ordered by kind and id.</summary>
    IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version of every entity, ordered by kind, id and version, as <see cref="IVersionStore.ScanAsync"/>.</summary>
    IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default);

    /// <summary>Every tag of every entity, ordered by kind, id and name.</summary>
    IAsyncEnumerable<StoredTag> ScanTagsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every move of every tag, ordered by kind, id, name and then oldest first.</summary>
    IAsyncEnumerable<TagMove> ScanTagHistoryAsync(CancellationToken cancellationToken = default);
}
