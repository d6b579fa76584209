using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Unicode;

namespace Verso.Documents.Canonical;

/// <summary>
/// Reads JSON string contents exactly as they appear between the quotes of the source text and writes
/// them with RFC 8785 escaping: only <c>"</c>, <c>\</c> and controls below U+0020 are escaped
/// (<c>\b \t \n \f \r</c> in short form, the rest as <c>\u00xx</c> in lowercase hex); every other
/// character is raw UTF-8.
/// </summary>
/// <remarks>
/// The parser has already checked the grammar: raw text between escapes holds no quote, backslash or
/// control character, and every escape is well formed. What is left to check is UTF-8 and UTF-16 validity.
/// </remarks>
internal static class CanonicalStringWriter
{
    // A backslash or any non-ASCII byte: text without them is canonical as it stands and valid UTF-8.
    private static readonly SearchValues<byte> EscapeOrNonAscii = SearchValues.Create([(byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    private static ReadOnlySpan<byte> HexDigits => "0123456789abcdef"u8;

    /// <summary>Writes the quoted canonical form of a string given by its raw source contents.</summary>
    public static StringProblem Write(ReadOnlySpan<byte> raw, PooledByteBuffer output)
    {
        var special = raw.IndexOfAny(EscapeOrNonAscii);
        var backslash = special < 0 ? -1 : raw.IndexOf((byte)'\\');
        if (backslash < 0)
        {
            // Without escapes the source text already is the canonical text.
            if (special >= 0 && !Utf8.IsValid(raw[special..]))
            {
                return StringProblem.InvalidUtf8;
            }

            var span = output.GetSpan(raw.Length + 2);
            span[0] = (byte)'"';
            raw.CopyTo(span[1..]);
            span[raw.Length + 1] = (byte)'"';
            output.Advance(raw.Length + 2);
            return StringProblem.None;
        }

        output.Write((byte)'"');
        while (backslash >= 0)
        {
            // A backslash is ASCII, so it never splits a multi-byte sequence: each run validates alone.
            var run = raw[..backslash];
            if (!Utf8.IsValid(run))
            {
                return StringProblem.InvalidUtf8;
            }

            output.Write(run);
            var consumed = WriteEscape(raw[backslash..], output);
            if (consumed == 0)
            {
                return StringProblem.LoneSurrogate;
            }

            raw = raw[(backslash + consumed)..];
            backslash = raw.IndexOf((byte)'\\');
        }

        if (!Utf8.IsValid(raw))
        {
            return StringProblem.InvalidUtf8;
        }

        output.Write(raw);
        output.Write((byte)'"');
        return StringProblem.None;
    }

    /// <summary>
    /// Decodes raw string contents to UTF-16 (for sorting and matching property names). The destination
    /// needs <c>raw.Length</c> chars: no escape or UTF-8 sequence yields more chars than it has bytes.
    /// </summary>
    public static StringProblem Decode(ReadOnlySpan<byte> raw, Span<char> destination, out int charsWritten)
    {
        charsWritten = 0;
        while (true)
        {
            var backslash = raw.IndexOf((byte)'\\');
            var run = backslash < 0 ? raw : raw[..backslash];
            if (Utf8.ToUtf16(run, destination[charsWritten..], out _, out var runChars, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return StringProblem.InvalidUtf8;
            }

            charsWritten += runChars;
            if (backslash < 0)
            {
                return StringProblem.None;
            }

            raw = raw[backslash..];
            var consumed = DecodeEscape(raw, destination[charsWritten..], out var escapeChars);
            if (consumed == 0)
            {
                return StringProblem.LoneSurrogate;
            }

            charsWritten += escapeChars;
            raw = raw[consumed..];
        }
    }

    /// <summary>Writes one escape sequence canonically; returns the bytes it took, or 0 for a lone surrogate.</summary>
    private static int WriteEscape(ReadOnlySpan<byte> escape, PooledByteBuffer output)
    {
        var consumed = ReadEscape(escape, out var scalar);
        if (consumed != 0)
        {
            WriteScalar(scalar, output);
        }

        return consumed;
    }

    private static int DecodeEscape(ReadOnlySpan<byte> escape, Span<char> destination, out int charsWritten)
    {
        var consumed = ReadEscape(escape, out var scalar);
        charsWritten = consumed == 0 ? 0 : new Rune(scalar).EncodeToUtf16(destination);
        return consumed;
    }

    /// <summary>
    /// Reads one escape (a surrogate pair counts as one) into a Unicode scalar value; returns the bytes
    /// it took, or 0 when a surrogate has no partner.
    /// </summary>
    private static int ReadEscape(ReadOnlySpan<byte> escape, out int scalar)
    {
        scalar = escape[1] switch
        {
            (byte)'b' => '\b',
            (byte)'f' => '\f',
            (byte)'n' => '\n',
            (byte)'r' => '\r',
            (byte)'t' => '\t',
            (byte)'u' => ReadHex(escape.Slice(2, 4)),
            var other => other, // \" \\ \/
        };
        if (escape[1] != (byte)'u' || !char.IsSurrogate((char)scalar))
        {
            return escape[1] == (byte)'u' ? 6 : 2;
        }

        if (char.IsLowSurrogate((char)scalar) || escape.Length < 12 || escape[6] != (byte)'\\' || escape[7] != (byte)'u')
        {
            return 0;
        }

        var low = ReadHex(escape.Slice(8, 4));
        if (!char.IsLowSurrogate((char)low))
        {
            return 0;
        }

        scalar = char.ConvertToUtf32((char)scalar, (char)low);
        return 12;
    }

    private static void WriteScalar(int scalar, PooledByteBuffer output)
    {
        if (scalar < 0x20)
        {
            WriteControl(scalar, output);
        }
        else if (scalar is '"' or '\\')
        {
            var span = output.GetSpan(2);
            span[0] = (byte)'\\';
            span[1] = (byte)scalar;
            output.Advance(2);
        }
        else
        {
            output.Advance(new Rune(scalar).EncodeToUtf8(output.GetSpan(4)));
        }
    }

    private static void WriteControl(int control, PooledByteBuffer output)
    {
        var shortForm = control switch
        {
            '\b' => (byte)'b',
            '\t' => (byte)'t',
            '\n' => (byte)'n',
            '\f' => (byte)'f',
            '\r' => (byte)'r',
            _ => (byte)0,
        };
        if (shortForm != 0)
        {
            var pair = output.GetSpan(2);
            pair[0] = (byte)'\\';
            pair[1] = shortForm;
            output.Advance(2);
            return;
        }

        var span = output.GetSpan(6);
        "\\u00"u8.CopyTo(span);
        span[4] = HexDigits[control >> 4];
        span[5] = HexDigits[control & 0xF];
        output.Advance(6);
    }

    private static int ReadHex(ReadOnlySpan<byte> fourDigits)
    {
        // The parser has validated the digits, so this cannot fail.
        Utf8Parser.TryParse(fourDigits, out ushort value, out _, 'x');
        return value;
    }
}
