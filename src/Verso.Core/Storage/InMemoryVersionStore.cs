using System.Runtime.CompilerServices;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Storage;

/// <summary>
/// A store held in memory: for tests, tools and short-lived processes. One lock serializes appends,
/// which is what makes them atomic; reads copy out under the same lock.
/// </summary>
public sealed partial class InMemoryVersionStore : IVersionStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<EntityKey, List<Snapshot>> _versions = [];
    private readonly Dictionary<ContentHash, ReadOnlyMemory<byte>> _blobs = [];
    private readonly Dictionary<(EntityKey Key, int Version), SortedSet<(string Kind, string Id, int Version)>> _referrers = [];
    private readonly List<TagMove> _tagMoves = [];
    private readonly List<InMemoryChangeFeed> _feeds = [];

    /// <inheritdoc />
    public Task<SchemaUpgrade> InitializeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new SchemaUpgrade(1, 1));

    /// <inheritdoc />
    public Task<Snapshot?> GetLatestAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(key, out var history) ? history[^1] : null);
        }
    }

    /// <inheritdoc />
    public Task<Snapshot?> GetVersionAsync(EntityKey key, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _versions.TryGetValue(key, out var history) && version >= 1 && version <= history.Count
                ? history[version - 1]
                : null;
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Snapshot>> FindByHashAsync(EntityKey key, ContentHashPrefix prefix, int limit, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Snapshot> found = _versions.TryGetValue(key, out var history)
                ? history.AsEnumerable().Reverse().Where(s => s.Hash.StartsWith(prefix)).DistinctBy(s => s.Hash).Take(limit).ToList()
                : [];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Snapshot> GetHistoryAsync(
        EntityKey key,
        int offset,
        int limit,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        List<Snapshot> page;
        lock (_gate)
        {
            page = _versions.TryGetValue(key, out var history)
                ? history.AsEnumerable().Reverse().Skip(offset).Take(limit).ToList()
                : [];
        }

        foreach (var snapshot in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> GetHistoryBeforeAsync(EntityKey key, int beforeVersion, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        int count;
        lock (_gate)
        {
            count = _versions.TryGetValue(key, out var history) ? history.Count : 0;
        }

        // Versions are 1..count without gaps: "below N" skips the count - N + 1 newest.
        var skip = beforeVersion > count ? 0 : count - Math.Max(beforeVersion, 1) + 1;
        return GetHistoryAsync(key, skip, limit, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountVersionsAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.TryGetValue(key, out var history) ? history.Count : 0);
        }
    }

    /// <inheritdoc />
    public Task<IChangeFeed> SubscribeAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var feed = new InMemoryChangeFeed(kind, Unsubscribe);
            _feeds.Add(feed);
            return Task.FromResult<IChangeFeed>(feed);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Snapshot> ScanAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<Snapshot> all;
        lock (_gate)
        {
            all = [.. _versions.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Id, StringComparer.Ordinal).SelectMany(p => p.Value)];
        }

        foreach (var snapshot in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return snapshot;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EntityHead> ListAllHeadsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<EntityHead> heads;
        lock (_gate)
        {
            heads = [.. _versions.OrderBy(p => p.Key.Kind, StringComparer.Ordinal).ThenBy(p => p.Key.Id, StringComparer.Ordinal)
                .Select(p => new EntityHead(p.Key, p.Value[^1].Version, p.Value[^1].Hash, p.Value[^1].SavedAt))];
        }

        foreach (var head in heads)
        {
            yield return head;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<Snapshot?> GetAsOfAsync(EntityKey key, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _versions.TryGetValue(key, out var history)
                ? history.Where(s => s.SavedAt <= time).OrderByDescending(s => s.SavedAt).ThenByDescending(s => s.Version).FirstOrDefault()
                : null;
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VersionRef>> FindReferrersAsync(EntityKey key, int version, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<VersionRef> found = _referrers.TryGetValue((key, version), out var referrers)
                ? [.. referrers.Select(r => VersionRef.ForVersion(EntityKey.Create(r.Kind, r.Id), r.Version))]
                : [];
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<EntityHead> ListEntitiesAsync(
        string kind,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<EntityHead> heads;
        lock (_gate)
        {
            heads = _versions
                .Where(pair => pair.Key.Kind == kind)
                .OrderBy(pair => pair.Key.Id, StringComparer.Ordinal)
                .Select(pair => pair.Value[^1])
                .Select(head => new EntityHead(head.Key, head.Version, head.Hash, head.SavedAt))
                .ToList();
        }

        foreach (var head in heads)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return head;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<TagMove?> MoveTagAsync(TagMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        lock (_gate)
        {
            if (!_versions.TryGetValue(move.Key, out var history) || move.ToVersion < 1 || move.ToVersion > history.Count)
            {
                throw new NotFoundException($"{move.Key}@{move.ToVersion}", $"not found: {move.Key}@{move.ToVersion} does not exist");
            }

            var current = CurrentTag(move.Key, move.Name);
            if (current == move.ToVersion)
            {
                return Task.FromResult<TagMove?>(null);
            }

            var recorded = move with { FromVersion = current };
            _tagMoves.Add(recorded);
            return Task.FromResult<TagMove?>(recorded);
        }
    }

    /// <inheritdoc />
    public Task<int?> GetTagAsync(EntityKey key, string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(CurrentTag(key, name));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EntityTag>> ListTagsAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<EntityTag> tags = [.. _tagMoves.Where(m => m.Key == key).GroupBy(m => m.Name)
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new EntityTag(g.Key, g.Last().ToVersion))];
            return Task.FromResult(tags);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> GetTagHistoryAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<TagMove> moves = [.. _tagMoves.Where(m => m.Key == key).OrderBy(m => m.Name, StringComparer.Ordinal)];
            return Task.FromResult(moves);
        }
    }

    private void Unsubscribe(InMemoryChangeFeed feed)
    {
        lock (_gate)
        {
            _feeds.Remove(feed);
        }
    }

    private int? CurrentTag(EntityKey key, string name) =>
        _tagMoves.LastOrDefault(m => m.Key == key && m.Name == name)?.ToVersion;

    /// <inheritdoc />
    public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(new StoreStatistics(
                _versions.Count,
                _versions.Values.Sum(history => (long)history.Count),
                _blobs.Count,
                _blobs.Values.Sum(blob => (long)blob.Length)));
        }
    }
}
