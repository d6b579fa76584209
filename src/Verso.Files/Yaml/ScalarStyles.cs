using YamlDotNet.Core;

namespace Verso.Files.Yaml;

/// <summary>
/// Picks how a string is written so that reading it back gives the same string, and so that other YAML
/// readers (YAML 1.1 ones included) read a string too: prose as a literal block, anything a reader could
/// take for another type or could change (null, true, yes, 007, 1e3, 2026-11-01, leading spaces) quoted.
/// </summary>
internal static class ScalarStyles
{
    // YAML 1.1 readers turn these into booleans or null; YAML 1.2 readers some of them.
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "~", "true", "false", "yes", "no", "y", "n", "on", "off",
    };

    // As keys, y and n stay plain: canvas coordinates are x and y, and the common YAML 1.1 readers
    // (PyYAML, SnakeYAML) keep them strings; a reader that does not still keys a map by them.
    private static readonly HashSet<string> KeyKeywords = new(Keywords.Except(["y", "n"], StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);

    /// <summary>The style for a string value.</summary>
    public static ScalarStyle ForValue(string value)
    {
        if (value.Length == 0 || !value.All(IsPlainSafe))
        {
            return ScalarStyle.DoubleQuoted;
        }

        if (value.Contains('\n', StringComparison.Ordinal))
        {
            return FitsLiteralBlock(value) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        return Plain(value, Keywords);
    }

    /// <summary>The style for a mapping key: never a block, quoted when a reader could type it.</summary>
    public static ScalarStyle ForKey(string key) =>
        key.Length == 0 || key.Contains('\n', StringComparison.Ordinal) || !key.All(IsPlainSafe)
            ? ScalarStyle.DoubleQuoted
            : Plain(key, KeyKeywords);

    private static ScalarStyle Plain(string text, HashSet<string> keywords)
    {
        // Numbers, dates, times, octal, hex, .inf and signed values all start with one of these.
        var first = text[0];
        if (char.IsAsciiDigit(first) || first is '-' or '+' or '.' || keywords.Contains(text)
            || char.IsWhiteSpace(first) || char.IsWhiteSpace(text[^1]) || text.Contains('\t', StringComparison.Ordinal))
        {
            return ScalarStyle.DoubleQuoted;
        }

        // The emitter still quotes what plain style cannot hold (": ", " #", leading indicators).
        return ScalarStyle.Plain;
    }

    /// <summary>
    /// Whether a literal block gives back exactly <paramref name="value"/>: no trailing blanks on a line
    /// (editors strip them), no leading blank on the first line (it would need an indentation indicator
    /// that hand edits easily break), and at least one character that is not a line break.
    /// </summary>
    private static bool FitsLiteralBlock(string value)
    {
        if (value[0] is ' ' or '\t' or '\n')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is ' ' or '\t' && (i + 1 == value.Length || value[i + 1] == '\n'))
            {
                return false;
            }
        }

        return true;
    }

    // Characters a YAML file can hold as they are, in every style we use. Everything else (control
    // characters, \r, the Unicode line separators YAML 1.1 reads as line breaks, a byte order mark,
    // noncharacters) is written double-quoted, where the emitter escapes it.
    private static bool IsPlainSafe(char c) => c switch
    {
        '\n' or '\t' => true,
        < ' ' or '\u007F' => false,
        >= '\u0080' and < '\u00A0' => false,
        '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' => false,
        _ => true,
    };
}
