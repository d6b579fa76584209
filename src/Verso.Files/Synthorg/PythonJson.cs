using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Verso.Files.Synthorg;

/// <summary>
/// Python's <c>json.dumps(value, sort_keys=True)</c> of a value read back from JSON text, byte for byte: the
/// seed platform hashes exactly these bytes. Default separators (<c>", "</c> and <c>": "</c>), <c>ensure_ascii</c>
/// escapes (<c>\u00e9</c>, surrogate pairs above U+FFFF), keys sorted by code point, integers as written and
/// floats as Python's <c>repr</c> (<c>1e-05</c>, <c>1e+16</c>, <c>1.0</c>).
/// </summary>
public static class PythonJson
{
    /// <summary>The text <c>json.dumps(json.loads(json), sort_keys=True)</c> gives.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static string Dumps(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Dumps(document.RootElement);
    }

    /// <summary>The text <c>json.dumps(value, sort_keys=True)</c> gives for a parsed value.</summary>
    public static string Dumps(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    /// <summary>Python's <c>repr(float)</c>: the shortest digits that read back, fixed from 1e-4 up to 1e16, else exponent form.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        // "R" is the shortest round-trip form; only its layout differs from Python's.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        var exponent = exponentAt < 0 ? 0 : int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var decimalPoint = (point < 0 ? mantissa.Length : point) + exponent;
        var trimmed = digits.TrimStart('0');
        decimalPoint -= digits.Length - trimmed.Length;
        digits = trimmed.TrimEnd('0');
        var sign = value < 0 ? "-" : "";
        if (decimalPoint is > -4 and <= 16)
        {
            if (decimalPoint <= 0)
            {
                return $"{sign}0.{new string('0', -decimalPoint)}{digits}";
            }

            return decimalPoint >= digits.Length
                ? $"{sign}{digits}{new string('0', decimalPoint - digits.Length)}.0"
                : $"{sign}{digits[..decimalPoint]}.{digits[decimalPoint..]}";
        }

        var e = decimalPoint - 1;
        var body = digits.Length == 1 ? digits : $"{digits[0]}.{digits[1..]}";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{body}e{(e < 0 ? '-' : '+')}{Math.Abs(e):00}");
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // json.loads keeps the last of duplicate keys; sort_keys orders by code point.
                var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var member in value.EnumerateObject())
                {
                    members[member.Name] = member.Value;
                }

                builder.Append('{');
                var first = true;
                foreach (var name in members.Keys.Order(CodePointComparer.Instance))
                {
                    builder.Append(first ? "" : ", ");
                    first = false;
                    WriteString(builder, name);
                    builder.Append(": ");
                    Write(builder, members[name]);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    builder.Append(index++ == 0 ? "" : ", ");
                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                WriteNumber(builder, value.GetRawText());
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void WriteNumber(StringBuilder builder, string raw)
    {
        if (raw.AsSpan().IndexOfAny('.', 'e', 'E') < 0)
        {
            // json.loads reads an integer literal as int, of any size; str(int) drops a "-" of zero.
            builder.Append(BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
            return;
        }

        builder.Append(FloatRepr(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    // ensure_ascii: everything outside printable ASCII as \uXXXX of its UTF-16 code units.
                    if (c is >= ' ' and <= '~')
                    {
                        builder.Append(c);
                    }
                    else
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }

                    break;
            }
        }

        builder.Append('"');
    }

    // Python compares str by code point; ordinal UTF-16 order differs above the surrogate range.
    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var left = (x ?? "").EnumerateRunes();
            var right = (y ?? "").EnumerateRunes();
            while (true)
            {
                var hasLeft = left.MoveNext();
                var hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }

                var order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
