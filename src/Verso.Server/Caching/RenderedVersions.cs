using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Verso.Json;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Snapshots;

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
        var body = new ArrayBufferWriter<byte>((snapshot.HasContent ? snapshot.Content.Length : 0) + 512);
        using (var writer = new Utf8JsonWriter(body, JsonBody.WriterOptions))
        {
            SnapshotJson.WriteWithContent(writer, snapshot);
        }

        var rendered = new RenderedVersion(stamp ?? "", ETags.Of(snapshot), body.WrittenMemory);
        if (stamp is not null && body.WrittenCount <= MaxBodyBytes)
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
