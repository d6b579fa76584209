using System.Globalization;
using System.Text;

namespace Verso.Core.Tests.Support;

/// <summary>
/// Writes a <see cref="TestJson"/> as JSON text. With a random source it varies everything JSON leaves
/// free, each choice separately: member order, whitespace between tokens, and how strings and numbers
/// are spelled (optional escapes, upper or lower hex, exponent forms).
/// </summary>
internal sealed class TestJsonWriter
{
    private static readonly string[] Whitespace = [" ", "\t", "\n", "\r", "  ", "\r\n"];

    private readonly Random? _shuffle;
    private readonly Random? _whitespace;
    private readonly Random? _spelling;
    private readonly StringBuilder _text = new();

    private TestJsonWriter(Random? shuffle, Random? whitespace, Random? spelling)
    {
        _shuffle = shuffle;
        _whitespace = whitespace;
        _spelling = spelling;
    }

    /// <summary>The plainest text: members in tree order, no whitespace, only required escapes.</summary>
    public static string Plain(TestJson value) => Write(value);

    public static string Write(TestJson value, Random? shuffle = null, Random? whitespace = null, Random? spelling = null)
    {
        var writer = new TestJsonWriter(shuffle, whitespace, spelling);
        writer.Space();
        writer.Value(value);
        writer.Space();
        return writer._text.ToString();
    }

    private void Value(TestJson value)
    {
        switch (value)
        {
            case TestJson.Obj obj:
                var members = obj.Members.ToArray();
                _shuffle?.Shuffle(members);
                _text.Append('{');
                for (var i = 0; i < members.Length; i++)
                {
                    Separator(i);
                    String(members[i].Key);
                    Space();
                    _text.Append(':');
                    Space();
                    Value(members[i].Value);
                }

                Space();
                _text.Append('}');
                break;
            case TestJson.Arr arr:
                _text.Append('[');
                for (var i = 0; i < arr.Items.Count; i++)
                {
                    Separator(i);
                    Value(arr.Items[i]);
                }

                Space();
                _text.Append(']');
                break;
            case TestJson.Str str:
                String(str.Value);
                break;
            case TestJson.Num num:
                Number(num.Value);
                break;
            case TestJson.Lit lit:
                _text.Append(lit.Text);
                break;
        }
    }

    private void Separator(int index)
    {
        if (index > 0)
        {
            Space();
            _text.Append(',');
        }

        Space();
    }

    private void Space()
    {
        if (_whitespace is not null && _whitespace.Next(3) == 0)
        {
            _text.Append(Whitespace[_whitespace.Next(Whitespace.Length)]);
        }
    }

    private void Number(double value)
    {
        var format = _spelling?.Next(3) switch
        {
            1 => "E16", // 17 significant digits, exponent with three digits: "1.0000000000000000E+021"
            2 => "e16",
            _ => "R",
        };
        _text.Append(value.ToString(format, CultureInfo.InvariantCulture));
    }

    private void String(string value)
    {
        _text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escapeAnyway = _spelling is not null && _spelling.Next(4) == 0;
            if (char.IsHighSurrogate(c))
            {
                // A pair is escaped as a whole or not at all: half of it raw is not valid UTF-16 text.
                Escape(c, escapeAnyway);
                Escape(value[++i], escapeAnyway);
                continue;
            }

            switch (c)
            {
                case '"':
                    _text.Append(escapeAnyway ? "\\u0022" : "\\\"");
                    break;
                case '\\':
                    _text.Append(escapeAnyway ? "\\u005C" : "\\\\");
                    break;
                case '/' when escapeAnyway:
                    _text.Append("\\/");
                    break;
                case '\n' when !escapeAnyway:
                    _text.Append("\\n");
                    break;
                default:
                    Escape(c, escapeAnyway || c < ' ');
                    break;
            }
        }

        _text.Append('"');
    }

    private void Escape(char c, bool escape)
    {
        if (!escape)
        {
            _text.Append(c);
            return;
        }

        var hex = ((int)c).ToString("x4", CultureInfo.InvariantCulture);
        _text.Append("\\u").Append(_spelling?.Next(2) == 0 ? hex.ToUpperInvariant() : hex);
    }
}
