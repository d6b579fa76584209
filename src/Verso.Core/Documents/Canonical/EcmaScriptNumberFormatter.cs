using System.Globalization;

namespace Verso.Documents.Canonical;

/// <summary>
/// Writes JSON numbers as ECMAScript's <c>Number.prototype.toString</c> does (ECMA-262 Number::toString),
/// which RFC 8785 section 3.2.2.3 prescribes.
/// </summary>
internal static class EcmaScriptNumberFormatter
{
    /// <summary>Enough for the longest form, e.g. <c>-0.0000012345678901234567</c> or <c>-1.7976931348623157e+308</c>.</summary>
    public const int MaxLength = 32;

    // Any decimal of up to 15 significant digits survives a trip through a double (DBL_DIG), so no
    // other spelling of at most that many digits reaches the same double: such a token, written
    // the way ECMAScript lays out digits, is already canonical and needs no parsing or formatting.
    private const int MaxVerbatimDigits = 15;

    // ECMAScript switches to exponent notation below 1e-6, i.e. after five zeros behind the point.
    private const int MaxVerbatimLeadingZeros = 5;

    /// <summary>
    /// Formats a number token of JSON grammar. Returns false when the value is not a finite double
    /// (it overflows); values too small for a double become 0, as ECMAScript's JSON.parse makes them.
    /// </summary>
    public static bool TryFormat(ReadOnlySpan<byte> token, Span<byte> destination, out int written)
    {
        if (IsVerbatim(token))
        {
            token.CopyTo(destination);
            written = token.Length;
            return true;
        }

        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            written = 0;
            return false;
        }

        written = Format(value, destination);
        return true;
    }

    /// <summary>Formats a finite double; the destination holds at least <see cref="MaxLength"/> bytes.</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (value == 0)
        {
            // Covers -0, which ECMAScript prints as "0".
            destination[0] = (byte)'0';
            return 1;
        }

        // "R" yields the shortest digits that round-trip; only their layout differs from ECMAScript.
        Span<byte> roundTrip = stackalloc byte[MaxLength];
        value.TryFormat(roundTrip, out var length, "R", CultureInfo.InvariantCulture);

        Span<byte> digits = stackalloc byte[MaxLength];
        var pointPosition = ReadDigits(roundTrip[..length], digits, out var digitCount);
        return Layout(value < 0, digits[..digitCount], pointPosition, destination);
    }

    /// <summary>
    /// Whether the token is plain decimal notation (no exponent) of at most 15 significant digits,
    /// without fraction digits that ECMAScript would drop or move into an exponent, and not -0.
    /// </summary>
    private static bool IsVerbatim(ReadOnlySpan<byte> token)
    {
        var unsigned = token.Length > 0 && token[0] == (byte)'-' ? token[1..] : token;
        var point = unsigned.IndexOf((byte)'.');
        var integer = point < 0 ? unsigned : unsigned[..point];
        if (integer.Length == 0 || integer.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        var integerIsZero = integer is [(byte)'0'];
        if (point < 0)
        {
            // "-0" must become "0"; JSON grammar rules out other leading zeros.
            return integer.Length <= MaxVerbatimDigits && !(integerIsZero && unsigned.Length != token.Length);
        }

        var fraction = unsigned[(point + 1)..];
        if (fraction.Length == 0 || fraction[^1] == (byte)'0' || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        if (!integerIsZero)
        {
            return integer.Length + fraction.Length <= MaxVerbatimDigits;
        }

        var leadingZeros = fraction.IndexOfAnyExcept((byte)'0');
        return leadingZeros <= MaxVerbatimLeadingZeros && fraction.Length - leadingZeros <= MaxVerbatimDigits;
    }

    /// <summary>
    /// Splits .NET's round-trip text ("123.45", "1.5E-07", "1E+21") into significant digits without
    /// leading or trailing zeros, and returns n such that the value is 0.d1d2…dk × 10^n.
    /// </summary>
    private static int ReadDigits(ReadOnlySpan<byte> text, Span<byte> digits, out int digitCount)
    {
        var count = 0;
        var integerDigits = -1;
        var leadingZeros = 0;
        var i = text[0] == (byte)'-' ? 1 : 0;
        for (; i < text.Length && text[i] != (byte)'E'; i++)
        {
            if (text[i] == (byte)'.')
            {
                integerDigits = count + leadingZeros;
            }
            else if (count == 0 && text[i] == (byte)'0')
            {
                leadingZeros++;
            }
            else
            {
                digits[count++] = text[i];
            }
        }

        if (integerDigits < 0)
        {
            integerDigits = count + leadingZeros;
        }

        var exponent = i < text.Length ? int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        while (count > 1 && digits[count - 1] == (byte)'0')
        {
            count--;
        }

        digitCount = count;
        return integerDigits - leadingZeros + exponent;
    }

    /// <summary>The cases of ECMA-262 Number::toString for k digits and decimal point position n.</summary>
    private static int Layout(bool negative, ReadOnlySpan<byte> digits, int n, Span<byte> output)
    {
        var k = digits.Length;
        var at = 0;
        if (negative)
        {
            output[at++] = (byte)'-';
        }

        if (k <= n && n <= 21)
        {
            digits.CopyTo(output[at..]);
            at += k;
            output.Slice(at, n - k).Fill((byte)'0');
            return at + n - k;
        }

        if (0 < n && n <= 21)
        {
            digits[..n].CopyTo(output[at..]);
            at += n;
            output[at++] = (byte)'.';
            digits[n..].CopyTo(output[at..]);
            return at + k - n;
        }

        if (-6 < n && n <= 0)
        {
            output[at++] = (byte)'0';
            output[at++] = (byte)'.';
            output.Slice(at, -n).Fill((byte)'0');
            at += -n;
            digits.CopyTo(output[at..]);
            return at + k;
        }

        output[at++] = digits[0];
        if (k > 1)
        {
            output[at++] = (byte)'.';
            digits[1..].CopyTo(output[at..]);
            at += k - 1;
        }

        var exponent = n - 1;
        output[at++] = (byte)'e';
        output[at++] = exponent < 0 ? (byte)'-' : (byte)'+';
        Math.Abs(exponent).TryFormat(output[at..], out var exponentLength, default, CultureInfo.InvariantCulture);
        return at + exponentLength;
    }
}
