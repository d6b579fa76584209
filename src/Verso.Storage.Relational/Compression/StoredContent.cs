using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ZstdSharp;

namespace Verso.Storage.Relational.Compression;

// Shared by the SQL stores (SQLite, PostgreSQL); here rather than in Core, so Core keeps no compression dependency.
// How a blob's canonical bytes are kept, one of three ways:
// - as they are (short contents, and rows written before compression);
// - as a zstd frame of their own (a "keyframe"), when that is smaller. A frame starts with 28 B5 2F FD and
//   canonical JSON never starts with '(' (0x28), so the first bytes tell these two apart;
// - as a delta (schema 8): a zstd frame (level 1) compressed with an earlier version's canonical bytes as its
//   raw-content dictionary. The blob row names that base; a base is always a keyframe or raw, never a
//   delta itself, so any read costs at most two decompressions (the base, then the delta), however long
//   the history.
// Hashes, the chain and verify are over the canonical bytes, never over what is stored.
internal static class StoredContent
{
    // A content this short gains nothing from a frame's header.
    private const int SmallestCompressed = 64;

    // Far above any record the store accepts; a damaged or hostile frame cannot make a read allocate more.
    private const int LargestContent = 256 * 1024 * 1024;

    private const int Level = 3;

    // A delta finds its long matches in the dictionary at level 1 as well (about 4% larger than at level 3
    // on one-line edits of a 21 KB charter) at a quarter of the time: level 3 copies the dictionary's
    // larger match tables into the context for every frame.
    private const int DeltaLevel = 1;

    [ThreadStatic]
    private static Compressor? t_compressor;

    [ThreadStatic]
    private static Decompressor? t_decompressor;

    // The last base each thread compressed or decompressed against, with its dictionary loaded: a batch or
    // a history page of one entity uses the same keyframe again and again. Keyed by the stored bytes of the
    // base (compared whole), so a base whose row changed is never served from here; the compressor's also by
    // the hash it was checked against, so bytes that were intact under one name are not taken under another.
    [ThreadStatic]
    private static (byte[] BaseStored, string BaseHash, Compressor Compressor)? t_deltaCompressor;

    [ThreadStatic]
    private static (byte[] BaseStored, Decompressor Decompressor)? t_deltaDecompressor;

    private static readonly AsyncLocal<StrongBox<int>?> Counter = new();

    /// <summary>The bytes to store for <paramref name="canonical"/> on their own (a keyframe, or raw).</summary>
    public static byte[] Encode(ReadOnlySpan<byte> canonical)
    {
        if (canonical.Length < SmallestCompressed)
        {
            return canonical.ToArray();
        }

        var compressed = (t_compressor ??= new Compressor(Level)).Wrap(canonical);
        return compressed.Length < canonical.Length ? compressed.ToArray() : canonical.ToArray();
    }

    /// <summary>
    /// <paramref name="canonical"/> as a delta against the base whose stored bytes are <paramref name="baseStored"/>,
    /// or null when there is no point: a short content, a base that is not intact (its bytes do not hash to
    /// <paramref name="baseHashHex"/>), or a delta no smaller than a keyframe would be.
    /// </summary>
    public static byte[]? EncodeDelta(ReadOnlySpan<byte> canonical, string baseHashHex, byte[] baseStored)
    {
        if (canonical.Length < SmallestCompressed)
        {
            return null;
        }

        if (t_deltaCompressor is not { } cached
            || !string.Equals(cached.BaseHash, baseHashHex, StringComparison.Ordinal)
            || !cached.BaseStored.AsSpan().SequenceEqual(baseStored))
        {
            var baseContent = Decode(baseStored);
            // A delta on damaged bytes would read back right, and hide the damage from whoever repairs the base.
            if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(baseContent)), baseHashHex, StringComparison.Ordinal))
            {
                return null;
            }

            var compressor = t_deltaCompressor?.Compressor ?? new Compressor(DeltaLevel);
            compressor.LoadDictionary(baseContent);
            t_deltaCompressor = cached = (baseStored.ToArray(), baseHashHex, compressor);
        }

        var delta = cached.Compressor.Wrap(canonical);
        return delta.Length < Math.Min(canonical.Length, baseStored.Length) ? delta.ToArray() : null;
    }

    /// <summary>
    /// Whether a delta of <paramref name="deltaLength"/> bytes, <paramref name="distance"/> versions after its
    /// base of <paramref name="baseLength"/> stored bytes, is worth keeping, or a new keyframe should start.
    /// </summary>
    /// <remarks>
    /// Deltas against one keyframe grow as the content drifts from it (about linearly for edits spread over
    /// a document): with growth c a version and a keyframe of F bytes, a group of K versions costs F/K + cK/2
    /// a version, least at cK² = 2F. The delta at distance K is about cK, so the group ends once
    /// delta × distance reaches 2F: the keyframe interval tunes itself to the content's rate of change.
    /// </remarks>
    public static bool KeepsDelta(int deltaLength, int baseLength, int distance) =>
        (long)deltaLength * Math.Max(distance, 1) < 2L * baseLength;

    /// <summary>The canonical bytes of what a blob row stores (a keyframe, or raw bytes).</summary>
    public static byte[] Decode(byte[] stored)
    {
        if (!IsFrame(stored))
        {
            return stored;
        }

        try
        {
            Count();
            return (t_decompressor ??= new Decompressor()).Unwrap(stored, LargestContent).ToArray();
        }
        catch (ZstdException)
        {
            // A damaged frame reads as the damaged bytes, as an uncompressed row would: they do not hash to
            // the version's hash, which is what verify reports, naming the version.
            return stored;
        }
    }

    /// <summary>
    /// The canonical bytes of a blob row that names a base (<paramref name="isDelta"/>); <paramref name="baseStored"/>
    /// is the base row's stored bytes, or null when that row is gone.
    /// </summary>
    public static byte[] Decode(byte[] stored, bool isDelta, byte[]? baseStored)
    {
        if (!isDelta)
        {
            return Decode(stored);
        }

        // A delta without its base, or on a damaged one, reads as its own stored bytes: they hash to nothing
        // the version names, so verify reports it.
        if (baseStored is null || !IsFrame(stored))
        {
            return stored;
        }

        try
        {
            if (t_deltaDecompressor is not { } cached || !cached.BaseStored.AsSpan().SequenceEqual(baseStored))
            {
                var decompressor = t_deltaDecompressor?.Decompressor ?? new Decompressor();
                decompressor.LoadDictionary(Decode(baseStored));
                t_deltaDecompressor = cached = (baseStored.ToArray(), decompressor);
            }

            Count();
            return cached.Decompressor.Unwrap(stored, LargestContent).ToArray();
        }
        catch (ZstdException)
        {
            return stored;
        }
    }

    /// <summary>
    /// Counts the decompressions the current async flow runs from here until the result is disposed (tests
    /// use it to show that a read costs a bounded number of them).
    /// </summary>
    public static IDisposable CountDecompressions(out StrongBox<int> count)
    {
        var previous = Counter.Value;
        var box = new StrongBox<int>();
        Counter.Value = box;
        count = box;
        return new Restore(previous);
    }

    private static void Count()
    {
        if (Counter.Value is { } box)
        {
            box.Value++;
        }
    }

    private static bool IsFrame(ReadOnlySpan<byte> stored) =>
        stored.Length >= 4 && stored[0] == 0x28 && stored[1] == 0xB5 && stored[2] == 0x2F && stored[3] == 0xFD;

    private sealed class Restore(StrongBox<int>? previous) : IDisposable
    {
        public void Dispose() => Counter.Value = previous;
    }
}
