using System.Collections.Immutable;
using System.Text;

namespace Verso.Files.Squad;

/// <summary>
/// Reads the authors of a <c>**By:**</c> line: <c>Fenster (Core Dev)</c>, <c>CONTROL (formerly Edie)</c>,
/// <c>Rabin (Distribution) + Fenster (Core Dev)</c>, <c>Brady (via Copilot)</c>. Several authors are joined
/// by <c>+</c>, <c>&amp;</c>, <c>,</c> or the word <c>and</c>, outside parentheses; each author's name is what
/// comes before its parenthesis, and a parenthesis that says <c>formerly X</c> gives an earlier name.
/// </summary>
public static class SquadAuthors
{
    /// <summary>The authors <paramref name="by"/> names, in order; empty for a blank line.</summary>
    public static ImmutableArray<SquadAuthor> Parse(string? by)
    {
        var authors = ImmutableArray.CreateBuilder<SquadAuthor>();
        foreach (var text in Split(by ?? ""))
        {
            var open = text.IndexOf('(', StringComparison.Ordinal);
            var name = (open < 0 ? text : text[..open]).Trim();
            string? formerly = null;
            if (open >= 0)
            {
                var close = text.IndexOf(')', open);
                var note = (close < 0 ? text[(open + 1)..] : text[(open + 1)..close]).Trim();
                const string Marker = "formerly ";
                if (note.StartsWith(Marker, StringComparison.OrdinalIgnoreCase) && note[Marker.Length..].Trim() is { Length: > 0 } earlier)
                {
                    formerly = earlier;
                }
            }

            if (name.Length > 0)
            {
                authors.Add(new SquadAuthor(name, formerly, text));
            }
        }

        return authors.ToImmutable();
    }

    private static IEnumerable<string> Split(string by)
    {
        var current = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < by.Length; i++)
        {
            var c = by[i];
            depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
            var separator = depth == 0 && (c is '+' or ',' or '&' || IsAndAt(by, i));
            if (!separator)
            {
                current.Append(c);
                continue;
            }

            if (current.ToString().Trim() is { Length: > 0 } author)
            {
                yield return author;
            }

            current.Clear();
            i += IsAndAt(by, i) ? 3 : 0;
        }

        if (current.ToString().Trim() is { Length: > 0 } last)
        {
            yield return last;
        }
    }

    // " and " as a word: spaces on both sides.
    private static bool IsAndAt(string text, int i) =>
        i + 4 < text.Length && text[i] == ' ' && string.Compare(text, i + 1, "and", 0, 3, StringComparison.OrdinalIgnoreCase) == 0 && text[i + 4] == ' ';
}
