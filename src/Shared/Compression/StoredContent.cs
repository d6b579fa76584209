using ZstdSharp;

namespace Verso.Compression;

// Compiled into each store (SQLite, PostgreSQL) as shared source, so Core keeps no compression dependency.
// How a blob's canonical bytes are kept: as a zstd frame when that is smaller, else as they are. A zstd
// frame starts with the bytes 28 B5 2F FD and canonical JSON never starts with '(' (0x28), so the first
// bytes tell the two apart: rows written before compression read as they always did. Hashes, the chain
// and verify are over the canonical bytes, never over what is stored.
internal static class StoredContent
{
    // A content this short gains nothing from a frame's header.
    private const int SmallestCompressed = 64;

    // Far above any record the store accepts; a damaged or hostile frame cannot make a read allocate more.
    private const int LargestContent = 256 * 1024 * 1024;

    private const int Level = 3;

    [ThreadStatic]
    private static Compressor? t_compressor;

    [ThreadStatic]
    private static Decompressor? t_decompressor;

    /// <summary>The bytes to store for <paramref name="canonical"/>.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> canonical)
    {
        if (canonical.Length < SmallestCompressed)
        {
            return canonical.ToArray();
        }

        var compressed = (t_compressor ??= new Compressor(Level)).Wrap(canonical);
        return compressed.Length < canonical.Length ? compressed.ToArray() : canonical.ToArray();
    }

    /// <summary>The canonical bytes of what a blob row stores.</summary>
    public static byte[] Decode(byte[] stored)
    {
        if (!IsFrame(stored))
        {
            return stored;
        }

        try
        {
            return (t_decompressor ??= new Decompressor()).Unwrap(stored, LargestContent).ToArray();
        }
        catch (ZstdException)
        {
            // A damaged frame reads as the damaged bytes, as an uncompressed row would: they do not hash to
            // the version's hash, which is what verify reports, naming the version.
            return stored;
        }
    }

    private static bool IsFrame(ReadOnlySpan<byte> stored) =>
        stored.Length >= 4 && stored[0] == 0x28 && stored[1] == 0xB5 && stored[2] == 0x2F && stored[3] == 0xFD;
}
