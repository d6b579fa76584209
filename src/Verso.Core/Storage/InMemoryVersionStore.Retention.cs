using System.Collections.Immutable;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;

namespace Verso.Storage;

// Pruning and erasure: a removed version keeps its place in the history with a tombstone instead of bytes.
public sealed partial class InMemoryVersionStore
{
    /// <inheritdoc />
    public Task<ContentRemovalResult> PruneAsync(EntityKey key, RetentionPolicy policy, ContentRemoval stamp, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(stamp);
        stamp.EnsureKind(ContentRemovalKind.Pruned);
        lock (_gate)
        {
            var history = HistoryOf(key);
            var protectedVersions = _tagMoves.Where(m => m.Key == key).GroupBy(m => m.Name).Select(g => g.Last().ToVersion)
                .Concat(_referrers.Keys.Where(target => target.Key == key).Select(target => target.Version))
                .ToHashSet();
            var prunable = policy.SelectPrunable(
                history.Where(s => s.HasContent).Select(s => new RetainedVersion(s.Version, s.SavedAt)),
                history.Count, protectedVersions, stamp.RemovedAt);
            if (!dryRun)
            {
                Remove(history, prunable, stamp);
            }

            return Task.FromResult(new ContentRemovalResult(key, prunable));
        }
    }

    /// <inheritdoc />
    public Task<ContentRemovalResult> EraseAsync(EntityKey key, ContentHash hash, ContentRemoval stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(stamp);
        stamp.EnsureKind(ContentRemovalKind.Erased);
        lock (_gate)
        {
            var history = HistoryOf(key);
            ImmutableArray<int> holding = [.. history.Where(s => s.Hash == hash && s.HasContent).Select(s => s.Version)];
            if (holding.IsEmpty)
            {
                throw NotFoundException.ForContent(key, hash);
            }

            Remove(history, holding, stamp);
            return Task.FromResult(new ContentRemovalResult(key, holding));
        }
    }

    private List<Snapshot> HistoryOf(EntityKey key) =>
        _versions.TryGetValue(key, out var history) ? history : throw NotFoundException.ForEntity(key);

    // Called under the gate. The blob goes once nothing that keeps its content holds it.
    private void Remove(List<Snapshot> history, ImmutableArray<int> versions, ContentRemoval stamp)
    {
        foreach (var version in versions)
        {
            var removed = history[version - 1];
            history[version - 1] = removed with { Removal = stamp };
            if (!_versions.Values.Any(h => h.Any(s => s.Hash == removed.Hash && s.HasContent)))
            {
                _blobs.Remove(removed.Hash);
            }
        }
    }
}
