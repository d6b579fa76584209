using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Storage.Integrity;

// What a verify remembers of the versions it scanned, beyond the one before: each entity's last version,
// its removals and, for a checkpoint check, every version's chain hash (32 bytes a version, no content).
internal sealed class HistoryIndex(bool keepChains)
{
    private readonly Dictionary<EntityKey, Snapshot> _last = [];
    private readonly Dictionary<(EntityKey, int), ContentHash?> _chains = [];
    private readonly Dictionary<EntityKey, List<(int Version, ContentRemoval Removal)>> _removals = [];

    public IEnumerable<Snapshot> Lasts => _last.Values.Where(s => s.ChainHash is not null);

    public IReadOnlyDictionary<EntityKey, List<(int Version, ContentRemoval Removal)>> AllRemovals => _removals;

    public void Add(Snapshot snapshot)
    {
        _last[snapshot.Key] = snapshot;
        if (keepChains)
        {
            _chains[(snapshot.Key, snapshot.Version)] = snapshot.ChainHash;
        }

        if (snapshot.Removal is { } removal)
        {
            if (!_removals.TryGetValue(snapshot.Key, out var list))
            {
                _removals[snapshot.Key] = list = [];
            }

            list.Add((snapshot.Version, removal));
        }
    }

    public Snapshot? Last(EntityKey key) => _last.GetValueOrDefault(key);

    public int LastVersion(EntityKey key) => _last.GetValueOrDefault(key)?.Version ?? 0;

    public ContentHash? ChainOf(EntityKey key, int version) => _chains.GetValueOrDefault((key, version));

    public IEnumerable<(int Version, ContentRemoval Removal)> RemovalsOf(EntityKey key) =>
        _removals.GetValueOrDefault(key) ?? [];
}
