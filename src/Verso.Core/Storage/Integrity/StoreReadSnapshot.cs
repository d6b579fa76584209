using System.Runtime.CompilerServices;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Storage.Integrity;

// For a store that has no snapshot of its own (the in-memory one): read through its ordinary calls.
internal sealed class StoreReadSnapshot(IVersionStore store) : IIntegritySnapshot
{
    public Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    public IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) => store.ListAllHeadsAsync(cancellationToken);

    public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) => store.ScanAsync(cancellationToken);

    public async IAsyncEnumerable<StoredTag> ScanTagsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var head in store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var tag in await store.ListTagsAsync(head.Key, cancellationToken).ConfigureAwait(false))
            {
                yield return new StoredTag(head.Key, tag.Name, tag.Version);
            }
        }
    }

    public async IAsyncEnumerable<TagMove> ScanTagHistoryAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var head in store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var move in await store.GetTagHistoryAsync(head.Key, cancellationToken).ConfigureAwait(false))
            {
                yield return move;
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
