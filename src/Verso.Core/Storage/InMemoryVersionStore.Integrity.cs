using System.Runtime.CompilerServices;
using Verso.Storage.Integrity;
using Verso.Model.Snapshots;

namespace Verso.Storage;

public sealed partial class InMemoryVersionStore : IIntegritySource
{
    /// <inheritdoc />
    /// <remarks>A copy of everything, taken under the append lock.</remarks>
    public Task<IIntegritySnapshot> OpenIntegritySnapshotAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var ordered = _versions.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Id, StringComparer.Ordinal).ToList();
            var moves = _tagMoves.OrderBy(m => m.Key.Kind, StringComparer.Ordinal).ThenBy(m => m.Key.Id, StringComparer.Ordinal)
                .ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
            return Task.FromResult<IIntegritySnapshot>(new Copy(
                [.. ordered.Select(p => new EntityHead(p.Key, p.Value[^1].Version, p.Value[^1].Hash, p.Value[^1].SavedAt))],
                [.. ordered.SelectMany(p => p.Value)],
                [.. moves.GroupBy(m => (m.Key, m.Name)).Select(g => new StoredTag(g.Key.Key, g.Key.Name, g.Last().ToVersion))],
                moves));
        }
    }

    private sealed class Copy(List<EntityHead> heads, List<Snapshot> versions, List<StoredTag> tags, List<TagMove> moves) : IIntegritySnapshot
    {
        public Task<IReadOnlyList<string>> CheckStorageAsync(bool quick, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>([]);

        public IAsyncEnumerable<EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) => Stream(heads, cancellationToken);

        public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) => Stream(versions, cancellationToken);

        public IAsyncEnumerable<StoredTag> ScanTagsAsync(CancellationToken cancellationToken = default) => Stream(tags, cancellationToken);

        public IAsyncEnumerable<TagMove> ScanTagHistoryAsync(CancellationToken cancellationToken = default) => Stream(moves, cancellationToken);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static async IAsyncEnumerable<T> Stream<T>(List<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item;
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }
}
