using System.Collections.Concurrent;
using Verso.Naming;

namespace Verso.Postgres;

// The heads this store object's own appends committed, and the keyframe each entity's next delta may go on, so a
// lone append can be one statement (PostgresVersionStore.LoneAppend) instead of a locked read, the writes and a
// commit. Unlike SQLite's head cache, nothing here is trusted: another process may have appended, a prune or gc
// may have deleted or re-encoded the keyframe since. The statement checks, under the head row's lock, that the
// head is still this version with this hash and this chain hash, and that the keyframe is still a whole blob it
// can hold; when anything moved it writes nothing and the append takes the locked path, which reads the head
// and remembers it anew. So a wrong entry costs a round trip, never a fork of the chain or a delta on a delta.
internal sealed class PostgresHeadMemory
{
    // Enough for a service saving many entities; past either bound the memory starts over (an entry is only a
    // shortcut). Keyframes are kept as stored (compressed); the bytes bound keeps a store of large records small.
    private const int MostHeads = 4096;
    private const long MostBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<EntityKey, PostgresHead> _heads = new();

    // The keyframe bytes remembered (appends change the memory one at a time, under the store's write gate).
    private long _bytes;

    public PostgresHead? Find(EntityKey key) => _heads.TryGetValue(key, out var head) ? head : null;

    public void Remember(EntityKey key, PostgresHead head)
    {
        var replaced = _heads.TryGetValue(key, out var old) ? old.KeyframeStored.Length : 0;
        if ((_heads.Count >= MostHeads && replaced == 0) || Interlocked.Add(ref _bytes, head.KeyframeStored.Length - replaced) > MostBytes)
        {
            _heads.Clear();
            Interlocked.Exchange(ref _bytes, head.KeyframeStored.Length);
        }

        _heads[key] = head;
    }

    public void Forget(EntityKey key)
    {
        if (_heads.TryRemove(key, out var old))
        {
            Interlocked.Add(ref _bytes, -old.KeyframeStored.Length);
        }
    }
}

// An entity's head as committed (its row, version, content hash and chain hash in hex) and a keyframe of the entity:
// a blob stored whole, the version of the entity that holds it, and the bytes it was stored as (a delta's dictionary
// is the keyframe's canonical content, which these decode to whatever their encoding).
internal sealed record PostgresHead(long EntityPk, int Version, string Hash, string Chain, string KeyframeHash, int KeyframeVersion, byte[] KeyframeStored);
