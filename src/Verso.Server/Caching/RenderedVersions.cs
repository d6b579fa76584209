using System.Collections.Concurrent;
using Verso.Contracts;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Wire;
using Verso.Model.Snapshots;

namespace Verso.Server.Caching;

// Heads and versions as the API renders them (the JSON bytes and the ETag), kept under the store's change stamp
// they were read at and served only while the store's stamp is still that one: a save, a prune, an erase or a
// tag move by any process or instance changes the stamp, and the next read renders afresh. Version 0 is the head.
internal sealed class RenderedVersions
{
    // Past this many entries the whole cache starts over: simpler than an eviction order, and a stamp change
    // makes every entry stale anyway.
    private const int MaxEntries = 4096;

    // Larger records are rendered per request, so a few big ones cannot hold hundreds of megabytes.
    private const int MaxBodyBytes = 256 * 1024;

    private readonly ConcurrentDictionary<(string Kind, string Id, int Version), RenderedVersion> _entries = new();

    public RenderedVersion? Find(EntityKey key, int version, string? stamp)
    {
        if (stamp is null || !_entries.TryGetValue((key.Kind, key.Id, version), out var entry))
        {
            return null;
        }

        return entry.Stamp == stamp ? entry : null;
    }

    public RenderedVersion Render(Snapshot snapshot, int version, string? stamp)
    {
        // The contract's own bytes: what a version read that is not kept would answer.
        var body = VersoJson.ToUtf8Bytes(WireVersions.WithContent(snapshot));
        var rendered = new RenderedVersion(stamp ?? "", ETags.Of(snapshot), body);
        if (stamp is not null && body.Length <= MaxBodyBytes)
        {
            if (_entries.Count >= MaxEntries)
            {
                _entries.Clear();
            }

            _entries[(snapshot.Key.Kind, snapshot.Key.Id, version)] = rendered;
        }

        return rendered;
    }
}
