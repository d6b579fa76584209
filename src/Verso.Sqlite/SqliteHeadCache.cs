using Verso.Naming;

namespace Verso.Sqlite;

// The heads the write connection's own appends left, and the keyframe each entity's next delta goes on. They
// are exactly what is in the file as long as no other connection committed since: PRAGMA data_version on the
// write connection moves when, and only when, another connection commits (this process's tag, retention and
// gc connections, or another process), and it is read under the write lock at the start of every transaction
// (Validate), so a remembered head is never older than the file. A transaction that does not commit closes
// the connection and this cache with it (SqliteWriter), so nothing it remembered outlives a rollback.
internal sealed class SqliteHeadCache
{
    // Enough for a batch or a fill that interleaves many entities; past it the cache starts over.
    private const int MostHeads = 4096;

    private readonly Dictionary<(string Kind, string Id), SqliteHead> _heads = [];
    private long _dataVersion = -1;

    /// <summary>Forgets every head when <paramref name="dataVersion"/> is not the one seen last.</summary>
    public void Validate(long dataVersion)
    {
        if (dataVersion != _dataVersion)
        {
            _heads.Clear();
            _dataVersion = dataVersion;
        }
    }

    public SqliteHead? Find(EntityKey key) => _heads.TryGetValue((key.Kind, key.Id), out var head) ? head : null;

    public void Remember(EntityKey key, SqliteHead head)
    {
        if (_heads.Count >= MostHeads)
        {
            _heads.Clear();
        }

        _heads[(key.Kind, key.Id)] = head;
    }
}

// An entity's head as the append reads it (its row id, version, 32-byte content hash and chain hash in hex), and
// the keyframe the next delta goes on, when known.
internal sealed record SqliteHead((long EntityPk, int Version, byte[] Hash, string? Chain) Head, SqliteKeyframe? Keyframe);

// A blob stored whole (a keyframe, or raw bytes), the version of the entity that first holds it, and its stored bytes.
internal sealed record SqliteKeyframe(long BlobPk, string HashHex, byte[] Stored, int Version);
