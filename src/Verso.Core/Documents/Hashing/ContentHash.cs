using System.Security.Cryptography;

namespace Verso.Documents.Hashing;

/// <summary>
/// The SHA-256 of a record's canonical JSON, written <c>sha256:</c> followed by 64 lowercase hex digits.
/// </summary>
public readonly struct ContentHash : IEquatable<ContentHash>
{
    /// <summary>The text every content hash starts with.</summary>
    public const string Prefix = "sha256:";

    /// <summary>The number of hex digits in a full hash.</summary>
    public const int HexLength = 64;

    // Kept as the hex text: it is what users see, what stores index and what prefixes match against.
    private readonly string? _hex;

    private ContentHash(string hex) => _hex = hex;

    /// <summary>The 64 lowercase hex digits, without the <c>sha256:</c> prefix.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("default(ContentHash) holds no hash");

    /// <summary>Hashes bytes (normally canonical JSON).</summary>
    public static ContentHash Compute(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes, digest);
        return new ContentHash(Convert.ToHexStringLower(digest));
    }

    /// <summary>Parses <c>sha256:&lt;64 hex&gt;</c>; uppercase hex is accepted and normalized.</summary>
    /// <exception cref="FormatException">The text is not a full content hash.</exception>
    public static ContentHash Parse(string text) =>
        TryParse(text, out var hash) ? hash : throw new FormatException($"'{text}' is not a content hash (expected sha256: and 64 hex digits)");

    /// <summary>Tries to parse <c>sha256:&lt;64 hex&gt;</c>.</summary>
    public static bool TryParse(string? text, out ContentHash hash)
    {
        hash = default;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + HexLength)
        {
            return false;
        }

        var hex = text[Prefix.Length..];
        if (!IsHex(hex))
        {
            return false;
        }

        hash = new ContentHash(hex.ToLowerInvariant());
        return true;
    }

    /// <summary>Wraps 64 hex digits read back from a store.</summary>
    /// <exception cref="FormatException">The text is not 64 hex digits.</exception>
    public static ContentHash FromHex(string hex) =>
        hex.Length == HexLength && IsHex(hex) ? new ContentHash(hex.ToLowerInvariant()) : throw new FormatException($"'{hex}' is not 64 hex digits");

    /// <summary>Whether this hash starts with the given prefix of lowercase hex digits.</summary>
    public bool StartsWith(ContentHashPrefix prefix) => Hex.StartsWith(prefix.Hex, StringComparison.Ordinal);

    /// <summary>The first <paramref name="digits"/> hex digits, for compact display.</summary>
    public string Short(int digits = 12) => Hex[..Math.Min(digits, HexLength)];

    /// <inheritdoc />
    public bool Equals(ContentHash other) => string.Equals(_hex, other._hex, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ContentHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hex is null ? 0 : StringComparer.Ordinal.GetHashCode(_hex);

    /// <summary>The hash as <c>sha256:&lt;64 lowercase hex&gt;</c>.</summary>
    public override string ToString() => _hex is null ? "" : Prefix + _hex;

    /// <summary>Equality.</summary>
    public static bool operator ==(ContentHash left, ContentHash right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ContentHash left, ContentHash right) => !left.Equals(right);

    internal static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
