using System.Security.Cryptography;
using Verso.Errors;

namespace Verso.Storage.Relational.Compression;

// Shared by the SQL stores. Before a blob that deltas are built on is deleted (a prune or
// an erase), those deltas are re-encoded so that none needs it: the first of them (in version order)
// becomes a keyframe, the others deltas against it. Each is decoded and checked against its hash first;
// a damaged one stops the removal, since re-encoding it would lose what verify can still tell.
internal static class DeltaRebase
{
    /// <summary>
    /// The new encoding of each of <paramref name="dependents"/> (all deltas on one base, in version order),
    /// as (hash, stored bytes, base hash or null); with <paramref name="deltas"/> false, each on its own.
    /// </summary>
    /// <exception cref="StoreFailureException">A dependent does not decode to its hash.</exception>
    public static List<(string Hash, byte[] Stored, string? Base)> Plan(IReadOnlyList<StoredBlob> dependents, string store, bool deltas = true)
    {
        var planned = new List<(string, byte[], string?)>(dependents.Count);
        (string Hash, byte[] Stored)? keyframe = null;
        foreach (var blob in dependents)
        {
            var content = CheckedContent(blob, store);
            if (deltas && keyframe is { } first && StoredContent.EncodeDelta(content, first.Hash, first.Stored) is { } delta)
            {
                planned.Add((blob.Hash, delta, first.Hash));
                continue;
            }

            var full = StoredContent.Encode(content);
            keyframe ??= (blob.Hash, full);
            planned.Add((blob.Hash, full, null));
        }

        return planned;
    }

    /// <summary>The canonical bytes of <paramref name="blob"/>, checked against its hash.</summary>
    /// <exception cref="StoreFailureException">They do not hash to it.</exception>
    public static byte[] CheckedContent(StoredBlob blob, string store)
    {
        var content = StoredContent.Decode(blob.Stored, blob.BaseHash is not null, blob.BaseStored);
        return string.Equals(Convert.ToHexStringLower(SHA256.HashData(content)), blob.Hash, StringComparison.Ordinal)
            ? content
            : throw new StoreFailureException(
                store, StoreFailureCause.Corrupt,
                $"the blob sha256:{blob.Hash} in {store} does not decode to its hash; nothing was removed (run verify)");
    }
}
