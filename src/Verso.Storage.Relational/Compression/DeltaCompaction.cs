using System.Security.Cryptography;

namespace Verso.Storage.Relational.Compression;

/// <summary>One blob of an entity's history as gc reads it: the first version holding it, and how many entities hold it.</summary>
internal sealed record CompactionRow(int Version, StoredBlob Blob, long Holders);

// Shared by the SQL stores: what gc stores anew for one entity's blobs, walking them in
// version order with the append's rule (a delta on the current keyframe while that pays, else a new
// keyframe). Only blobs no other entity holds are rewritten, and only when their base (if any) is such a
// blob too: the deltas on a blob are always among the blobs of the entities holding it, so every delta on
// a rewritten blob is in this walk and rewritten with it, and no other entity's gc, append or retention
// touches these rows. A blob kept as it is still serves as a keyframe when it is whole.
internal static class DeltaCompaction
{
    /// <summary>The rows to write as (hash, stored bytes, base hash or null), or null when a blob is damaged.</summary>
    public static List<(string Hash, byte[] Stored, string? Base)>? Plan(IReadOnlyList<CompactionRow> rows)
    {
        var own = rows.Where(r => r.Holders == 1).Select(r => r.Blob.Hash).ToHashSet(StringComparer.Ordinal);
        // A kept delta keeps its base as it is.
        var pinned = rows.Where(r => !Rewritable(r, own)).Select(r => r.Blob.BaseHash).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var planned = new List<(string, byte[], string?)>();
        (string Hash, byte[] Stored, int Version)? keyframe = null;
        foreach (var row in rows)
        {
            var blob = row.Blob;
            if (!Rewritable(row, own) || pinned.Contains(blob.Hash))
            {
                if (blob.BaseHash is null)
                {
                    keyframe = (blob.Hash, blob.Stored, row.Version);
                }

                continue;
            }

            var content = StoredContent.Decode(blob.Stored, blob.BaseHash is not null, blob.BaseStored);
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), blob.Hash, StringComparison.Ordinal))
            {
                return null;
            }

            if (keyframe is { } current
                && StoredContent.EncodeDelta(content, current.Hash, current.Stored) is { } delta
                && StoredContent.KeepsDelta(delta.Length, current.Stored.Length, row.Version - current.Version))
            {
                planned.Add((blob.Hash, delta, current.Hash));
                continue;
            }

            var full = StoredContent.Encode(content);
            keyframe = (blob.Hash, full, row.Version);
            planned.Add((blob.Hash, full, null));
        }

        // Rows whose encoding did not change are not written again.
        var before = rows.ToDictionary(r => r.Blob.Hash, r => r.Blob, StringComparer.Ordinal);
        planned.RemoveAll(p => before[p.Item1].Stored.AsSpan().SequenceEqual(p.Item2) && before[p.Item1].BaseHash == p.Item3);
        return planned;
    }

    private static bool Rewritable(CompactionRow row, HashSet<string> own) =>
        own.Contains(row.Blob.Hash) && (row.Blob.BaseHash is null || own.Contains(row.Blob.BaseHash));
}
