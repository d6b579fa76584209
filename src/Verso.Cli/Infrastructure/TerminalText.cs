using System.Globalization;
using System.Text;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Text from a store or an input made safe for a terminal: control characters (C0, DEL, C1) and the
/// bidirectional overrides are shown as escapes (<c>\e</c>, <c>\n</c>, <c>\u0007</c>), so a value can
/// neither send escape sequences to the terminal nor forge a line of output.
/// </summary>
internal static class TerminalText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(NeedsEscape))
        {
            return text ?? "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\e' => @"\e",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $@"\u{(int)c:x4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>Escaped for the terminal, then for Spectre.Console's markup (a table cell).</summary>
    public static string ForMarkup(string? text) => Spectre.Console.Markup.Escape(Escape(text));

    /// <summary>Whether <paramref name="c"/> is shown escaped.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
