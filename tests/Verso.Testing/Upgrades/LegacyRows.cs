using Verso.Model.Snapshots;

namespace Verso.Testing.Upgrades;

/// <summary>Writes a <see cref="LegacyHistory"/> with the columns its schema had, the way that schema's code stored them.</summary>
internal static class LegacyRows
{
    public static async Task WriteAsync(
        LegacyHistory history,
        Func<string, IReadOnlyList<(string Column, object? Value)>, Task<long>> insert,
        Func<byte[], byte[]> keyframe,
        Func<byte[], string, byte[], byte[]> delta)
    {
        var versions = history.Versions;
        var entities = new Dictionary<Naming.EntityKey, long>();
        foreach (var key in versions.Select(v => v.Key).Distinct())
        {
            var head = versions.Last(v => v.Key == key);
            entities[key] = await insert("entities", [("kind", key.Kind), ("id", key.Id), ("head", head.Version), ("head_hash", head.Hash.Hex), ("head_saved_at", head.SavedAt)]);
        }

        // Blobs: content-addressed, once however many versions hold them; a pruned version's blob is gone.
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var baseOf = versions.Single(v => v.Key == LegacyHistory.Alice && v.Version == LegacyHistory.Keyframe);
        foreach (var version in versions.Where(v => !IsRemoved(history, v)).OrderBy(v => v.Key == LegacyHistory.Alice && v.Version > LegacyHistory.Keyframe))
        {
            if (stored.ContainsKey(version.Hash.Hex))
            {
                continue;
            }

            var canonical = version.Content.ToArray();
            var isDelta = history.Has(8) && version.Key == LegacyHistory.Alice && version.Version > LegacyHistory.Keyframe;
            var bytes = !history.Has(7) ? canonical : isDelta ? delta(canonical, baseOf.Hash.Hex, stored[baseOf.Hash.Hex]) : keyframe(canonical);
            stored[version.Hash.Hex] = bytes;
            var row = new List<(string, object?)> { ("hash", version.Hash.Hex), ("content", bytes) };
            if (history.Has(7))
            {
                row.Add(("size", canonical.Length));
            }

            if (history.Has(8))
            {
                row.Add(("base", isDelta ? baseOf.Hash.Hex : null));
            }

            await insert("blobs", row);
        }

        for (var n = 0; n < versions.Count; n++)
        {
            var version = versions[n];
            var row = new List<(string, object?)>
            {
                ("entity_pk", entities[version.Key]), ("version", version.Version), ("hash", version.Hash.Hex), ("saved_by", version.SavedBy),
                ("saved_at", version.SavedAt), ("message", version.Message), ("operation", version.Operation.ToName()), ("schema_version", version.SchemaVersion),
            };
            if (history.Has(3))
            {
                row.Add(("revert_of", version.RevertOf));
                row.Add(("chain_hash", version.ChainHash!.Value.Hex));
            }

            if (history.Has(4))
            {
                row.Add(("seq", (long)(n + 1)));
            }

            if (history.Has(6))
            {
                row.Add(("source", version.Source?.ToJson()));
            }

            await insert("versions", row);
        }

        if (history.Has(2))
        {
            await insert("version_refs", [("target_pk", entities[LegacyHistory.Alice]), ("target_version", 3), ("entity_pk", entities[LegacyHistory.Decision]), ("version", 1)]);
        }

        foreach (var group in history.TagMoves.GroupBy(m => (m.Key, m.Name)))
        {
            await insert("tags", [("entity_pk", entities[group.Key.Key]), ("name", group.Key.Name), ("version", group.Last().To)]);
            var seq = 0;
            foreach (var move in group)
            {
                await insert("tag_history", [
                    ("entity_pk", entities[move.Key]), ("name", move.Name), ("seq", ++seq), ("from_version", move.From), ("to_version", move.To),
                    ("moved_by", move.By), ("moved_at", move.At), ("reason", move.Reason)]);
            }
        }

        if (history.Removal is { } removal)
        {
            await insert("content_removals", [
                ("entity_pk", entities[LegacyHistory.Alice]), ("version", LegacyHistory.PrunedVersion), ("kind", removal.Kind.ToName()),
                ("removed_by", removal.RemovedBy), ("removed_at", removal.RemovedAt), ("reason", removal.Reason)]);
        }
    }

    public static bool IsRemoved(LegacyHistory history, Snapshot version) =>
        history.Removal is not null && version.Key == LegacyHistory.Alice && version.Version == LegacyHistory.PrunedVersion;
}
