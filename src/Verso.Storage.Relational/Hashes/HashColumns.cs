using System.Data.Common;
using Verso.Documents.Hashing;

namespace Verso.Storage.Relational.Hashes;

/// <summary>
/// Hashes as both SQL stores keep them since schema 9: the 32 bytes of the SHA-256, not its 64 hex digits
/// (half the bytes in every row and index that holds one). The code above the stores, the wire and
/// <c>IVersionStore</c> still see <c>sha256:hex</c>; the conversion happens here, where a row is read or a
/// parameter bound.
/// </summary>
internal static class HashColumns
{
    /// <summary>The bytes of a SHA-256.</summary>
    public const int Length = 32;

    /// <summary>The bytes to store for <paramref name="hash"/>.</summary>
    public static byte[] Bytes(ContentHash hash) => Convert.FromHexString(hash.Hex);

    /// <summary>The bytes to store for 64 hex digits.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    /// <summary>The 64 lowercase hex digits of a hash column.</summary>
    /// <exception cref="FormatException">The column does not hold 32 bytes (a row edited by hand).</exception>
    public static string Hex(DbDataReader row, int ordinal)
    {
        var bytes = row.GetFieldValue<byte[]>(ordinal);
        return bytes.Length == Length
            ? Convert.ToHexStringLower(bytes)
            : throw new FormatException($"a hash column holds {bytes.Length} bytes where a SHA-256 has {Length}");
    }

    /// <summary>The hash a column holds.</summary>
    /// <exception cref="FormatException">The column does not hold 32 bytes.</exception>
    public static ContentHash Read(DbDataReader row, int ordinal) => ContentHash.FromHex(Hex(row, ordinal));

    /// <summary>The hash a nullable column holds, or null.</summary>
    public static ContentHash? ReadOptional(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : Read(row, ordinal);

    /// <summary>
    /// The lowest and the highest 32 bytes that start with <paramref name="prefix"/> (hex digits, odd counts too):
    /// every hash with that prefix is between them, inclusive, and no other, as both stores compare bytes.
    /// </summary>
    public static (byte[] Low, byte[] High) Range(ContentHashPrefix prefix) => (
        Convert.FromHexString(prefix.Hex.PadRight(ContentHash.HexLength, '0')),
        Convert.FromHexString(prefix.Hex.PadRight(ContentHash.HexLength, 'f')));
}
