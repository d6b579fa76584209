using System.Text.Json;
using Verso.Errors;

namespace Verso.Canonical;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme) for any JSON value.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The deepest nesting of arrays and objects accepted.</summary>
    public const int MaxDepth = 128;

    /// <summary>Canonicalizes UTF-8 JSON text.</summary>
    /// <exception cref="CanonicalJsonException">The text has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();

    /// <summary>Canonicalizes UTF-8 JSON text, leaving out the object members at the given RFC 6901 pointers.</summary>
    /// <exception cref="CanonicalJsonException">The text has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, JsonPointerSet excluded) => throw new NotImplementedException();

    /// <summary>Canonicalizes an already parsed JSON value.</summary>
    public static byte[] Canonicalize(JsonElement element) => throw new NotImplementedException();

    /// <summary>Canonicalizes and hashes in one step.</summary>
    public static CanonicalDocument CreateDocument(ReadOnlySpan<byte> utf8Json, JsonPointerSet? excluded = null) =>
        CanonicalDocument.FromCanonicalBytes(excluded is null ? Canonicalize(utf8Json) : Canonicalize(utf8Json, excluded));
}
