using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Model.Snapshots;

namespace Verso.Storage.Integrity;

/// <summary>
/// Writes the canonical JSON of a chain link straight into a buffer: the members in RFC 8785 order,
/// strings with the RFC's escaping, integers as ECMAScript prints them. The bytes are exactly what
/// canonicalizing the link object would give, without building that object as text and parsing it back.
/// </summary>
internal static class ChainRecordWriter
{
    // Integers up to 2^53 print as their digits; beyond, a double cannot hold them and ECMAScript rounds.
    private const long ExactIntegerLimit = 1L << 53;

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>
    /// Writes the link's canonical bytes; false when a string is not valid UTF-16, which the caller
    /// hands to the general canonicalizer so that such text fails or is replaced exactly as it always was.
    /// </summary>
    public static bool TryWrite(PooledByteBuffer output, ContentHash? previous, Snapshot snapshot, int format)
    {
        output.Write((byte)'{');
        if (format >= 2)
        {
            output.Write("\"chain_format\":"u8);
            WriteInteger(output, format);
            output.Write((byte)',');
        }

        // A hash's text is ASCII ("sha256:" and hex, or empty for default), so it needs no escaping.
        output.Write("\"hash\":\""u8);
        WriteAscii(output, snapshot.Hash.ToString());
        output.Write("\",\"id\":"u8);
        if (!TryWriteString(output, snapshot.Key.Id))
        {
            return false;
        }

        output.Write(",\"kind\":"u8);
        if (!TryWriteString(output, snapshot.Key.Kind))
        {
            return false;
        }

        output.Write(",\"message\":"u8);
        if (format >= 2 && snapshot.Message is null)
        {
            output.Write("null"u8);
        }
        else if (!TryWriteString(output, snapshot.Message ?? ""))
        {
            return false;
        }

        output.Write(",\"operation\":"u8);
        _ = TryWriteString(output, snapshot.Operation.ToName());
        output.Write(",\"previous\":\""u8);
        if (previous is { } link)
        {
            WriteAscii(output, link.ToString());
        }

        output.Write("\",\"revert_of\":\""u8);
        if (snapshot.RevertOf is { } revertOf)
        {
            WriteAscii(output, revertOf.ToString(CultureInfo.InvariantCulture));
        }

        output.Write("\",\"saved_at\":"u8);
        // Microseconds: what every store keeps, so the link computed at append matches the one read back.
        WriteInteger(output, (snapshot.SavedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
        output.Write(",\"saved_by\":"u8);
        if (!TryWriteString(output, snapshot.SavedBy))
        {
            return false;
        }

        output.Write(",\"schema_version\":"u8);
        WriteInteger(output, snapshot.SchemaVersion);
        // Format 1 wrote a source only when present, so the links of versions stored before sources existed still hold.
        if (snapshot.Source is { } source)
        {
            output.Write(",\"source\":"u8);
            if (!TryWriteSource(output, source))
            {
                return false;
            }
        }
        else if (format >= 2)
        {
            output.Write(",\"source\":null"u8);
        }

        output.Write(",\"version\":"u8);
        WriteInteger(output, snapshot.Version);
        output.Write((byte)'}');
        return true;
    }

    // The members in the order VersionSource writes them, which is already the canonical order.
    private static bool TryWriteSource(PooledByteBuffer output, VersionSource source)
    {
        if (source.ChangeRequest is { } request)
        {
            output.Write("{\"approvers\":["u8);
            for (var i = 0; i < source.Approvers.Length; i++)
            {
                if (i > 0)
                {
                    output.Write((byte)',');
                }

                if (!TryWriteString(output, source.Approvers[i]))
                {
                    return false;
                }
            }

            output.Write("],\"request\":"u8);
            if (!TryWriteString(output, request))
            {
                return false;
            }
        }
        else
        {
            output.Write("{\"commit\":"u8);
            if (!TryWriteString(output, source.Commit))
            {
                return false;
            }

            output.Write(source.Deleted ? ",\"deleted\":true,\"path\":"u8 : ",\"deleted\":false,\"path\":"u8);
            if (!TryWriteString(output, source.Path))
            {
                return false;
            }
        }

        output.Write((byte)'}');
        return true;
    }

    /// <summary>A quoted string with RFC 8785 escaping: only <c>"</c>, <c>\</c> and controls below U+0020.</summary>
    private static bool TryWriteString(PooledByteBuffer output, string text)
    {
        // Transcode first (at most 3 bytes per UTF-16 unit), then escape in place from the raw bytes.
        var span = output.GetSpan((text.Length * 3) + 2);
        if (Utf8.FromUtf16(text, span[1..], out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return false;
        }

        var raw = span.Slice(1, length);
        if (raw.IndexOfAnyInRange((byte)0, (byte)0x1F) < 0 && raw.IndexOfAny((byte)'"', (byte)'\\') < 0)
        {
            span[0] = (byte)'"';
            span[length + 1] = (byte)'"';
            output.Advance(length + 2);
            return true;
        }

        // Rare: escapes make the text longer, so it is written again from a copy.
        var copy = raw.ToArray();
        output.Write((byte)'"');
        foreach (var b in copy)
        {
            WriteEscaped(output, b);
        }

        output.Write((byte)'"');
        return true;
    }

    private static void WriteEscaped(PooledByteBuffer output, byte b)
    {
        switch (b)
        {
            case (byte)'"':
                output.Write("\\\""u8);
                break;
            case (byte)'\\':
                output.Write("\\\\"u8);
                break;
            case (byte)'\b':
                output.Write("\\b"u8);
                break;
            case (byte)'\t':
                output.Write("\\t"u8);
                break;
            case (byte)'\n':
                output.Write("\\n"u8);
                break;
            case (byte)'\f':
                output.Write("\\f"u8);
                break;
            case (byte)'\r':
                output.Write("\\r"u8);
                break;
            case < 0x20:
                output.Write("\\u00"u8);
                output.Write(HexDigits[b >> 4]);
                output.Write(HexDigits[b & 0xF]);
                break;
            default:
                output.Write(b);
                break;
        }
    }

    private static void WriteAscii(PooledByteBuffer output, string ascii)
    {
        var span = output.GetSpan(ascii.Length);
        var written = Encoding.ASCII.GetBytes(ascii, span);
        output.Advance(written);
    }

    private static void WriteInteger(PooledByteBuffer output, long value)
    {
        Span<byte> digits = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, digits, out var length);
        if (value is > -ExactIntegerLimit and < ExactIntegerLimit)
        {
            output.Write(digits[..length]);
            return;
        }

        // As the canonicalizer prints a number token beyond a double's exact integers.
        EcmaScriptNumberFormatter.TryFormat(digits[..length], output.GetSpan(EcmaScriptNumberFormatter.MaxLength), out var written);
        output.Advance(written);
    }
}
