using Verso.Documents.Hashing;

namespace Verso.Documents.Canonical;

/// <summary>
/// Canonical JSON bytes together with their content hash. Built only by <see cref="CanonicalJson"/>
/// or from bytes a store already verified, so the hash always belongs to the bytes.
/// </summary>
public sealed class CanonicalDocument
{
    private readonly byte[] _utf8;

    private CanonicalDocument(byte[] utf8, ContentHash hash)
    {
        _utf8 = utf8;
        Hash = hash;
    }

    /// <summary>The RFC 8785 canonical UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Utf8 => _utf8;

    /// <summary>The SHA-256 of <see cref="Utf8"/>.</summary>
    public ContentHash Hash { get; }

    /// <summary>The number of canonical bytes.</summary>
    public int Length => _utf8.Length;

    /// <summary>Wraps bytes that are already canonical, hashing them.</summary>
    internal static CanonicalDocument FromCanonicalBytes(byte[] utf8) => new(utf8, ContentHash.Compute(utf8));

    /// <summary>The canonical JSON as text.</summary>
    public override string ToString() => System.Text.Encoding.UTF8.GetString(_utf8);
}
