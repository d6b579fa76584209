using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Json;

/// <summary>
/// A record's content as the exact bytes the store holds (canonical JSON), written raw: re-serializing a parsed
/// copy could change number spelling or escaping, and then the bytes would no longer hash to the version's hash.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public readonly record struct RawJson
{
    /// <summary>Wraps UTF-8 JSON bytes, which must hold one JSON value.</summary>
    /// <exception cref="ArgumentException">The bytes are not one JSON value.</exception>
    public RawJson(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            // Written raw later without a check, so it is checked once here: one whole JSON value.
            JsonDocument.Parse(utf8).Dispose();
        }
        catch (JsonException e)
        {
            throw new ArgumentException("not one JSON value: " + e.Message, nameof(utf8), e);
        }

        Utf8 = utf8;
    }

    // Bytes already known to be one JSON value: a store's canonical content, hashed and checked when saved.
    private RawJson(ReadOnlyMemory<byte> utf8, bool trusted)
    {
        _ = trusted;
        Utf8 = utf8;
    }

    /// <summary>The JSON <c>null</c>: what a version whose content was pruned or erased holds as its content.</summary>
    public static RawJson Null { get; } = new("null"u8.ToArray(), trusted: true);

    /// <summary>
    /// Wraps bytes without parsing them again: only for bytes known to be one JSON value, such as a store's
    /// canonical content (checked when it was saved, and hashed), where a second parse would cost every read.
    /// </summary>
    public static RawJson Trusted(ReadOnlyMemory<byte> utf8) => new(utf8, trusted: true);

    /// <summary>The UTF-8 bytes, written unchanged.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }
}
