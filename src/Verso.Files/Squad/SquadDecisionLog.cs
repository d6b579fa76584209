using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Agents.Decisions;
using Verso.Agents.Validation;
using Verso.Files.Text;

namespace Verso.Files.Squad;

/// <summary>
/// Reads Squad's <c>decisions.md</c>: a title and sections, then entries such as
/// <c>### 2025-07-10: Vue app structure decided</c> followed by <c>**By:**</c>, <c>**What:**</c> and
/// <c>**Why:**</c> lines. Each entry becomes a <see cref="TeamDecision"/> whose text is the entry exactly as
/// written; everything between entries is kept as layout, so the parts join back into the same file.
/// An entry runs from its <c>###</c> heading to the next heading of level 1 to 3 outside a code fence,
/// without the blank lines and <c>---</c> separators that trail it.
/// </summary>
public static partial class SquadDecisionLog
{
    /// <summary>Splits <paramref name="utf8"/> into parts and reads each entry's decision.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="taken">
    /// Ids already used (e.g. by inbox files); each entry's id is <c>&lt;date&gt;-&lt;slug of title&gt;</c>, made
    /// unique with <c>-2</c>, <c>-3</c> … in file order, and added to the set.
    /// </param>
    /// <exception cref="Errors.RecordFileException">The bytes are not UTF-8.</exception>
    public static ImmutableArray<SquadDecisionPart> Parse(ReadOnlySpan<byte> utf8, ISet<string>? taken = null) =>
        Parse(utf8, taken ?? new HashSet<string>(StringComparer.Ordinal), Read);

    /// <summary>Splits <paramref name="utf8"/> into parts, reading each entry with <paramref name="read"/> (a git import reads each entry's text once across commits).</summary>
    internal static ImmutableArray<SquadDecisionPart> Parse(ReadOnlySpan<byte> utf8, ISet<string> taken, Func<string, ISet<string>, TeamDecision> read)
    {
        var lines = Lines(Utf8Text.Decode(utf8));
        var parts = ImmutableArray.CreateBuilder<SquadDecisionPart>();
        var layout = new StringBuilder();
        var inFence = false;
        for (var i = 0; i < lines.Count;)
        {
            if (inFence || HeadingLevel(lines[i]) != 3)
            {
                inFence ^= IsFence(lines[i]);
                layout.Append(lines[i++]);
                continue;
            }

            var end = EntryEnd(lines, i);
            var last = end;
            while (last > i + 1 && IsBlankOrSeparator(lines[last - 1]))
            {
                last--;
            }

            if (layout.Length > 0)
            {
                parts.Add(new SquadDecisionPart(layout.ToString(), null));
                layout.Clear();
            }

            var text = string.Concat(lines.Skip(i).Take(last - i));
            parts.Add(new SquadDecisionPart(text, read(text, taken)));
            layout.Append(string.Concat(lines.Skip(last).Take(end - last)));
            i = end;
        }

        if (layout.Length > 0)
        {
            parts.Add(new SquadDecisionPart(layout.ToString(), null));
        }

        return parts.ToImmutable();
    }

    /// <summary>The decision an entry's text states; its id made unique against <paramref name="taken"/>.</summary>
    internal static TeamDecision Read(string text, ISet<string> taken) => Read(text, taken, null, "");

    /// <summary>The decision an entry's text states; its id made unique against <paramref name="taken"/>.</summary>
    internal static TeamDecision Read(string text, ISet<string> taken, string? fallbackTitle, string idPrefix)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var heading = lines.FirstOrDefault(l => HeadingLevel(l) > 0) is { } line ? line.TrimStart('#').Trim() : null;
        string? date = null;
        var title = heading;
        if (heading is not null && DatedHeading().Match(heading) is { Success: true } dated && StringFormat.CalendarDate.IsValid(dated.Groups["date"].Value))
        {
            (date, title) = (dated.Groups["date"].Value, dated.Groups["title"].Value.Trim());
        }

        date ??= lines.Select(l => Field("Date", l)).FirstOrDefault(d => d is { Length: >= 10 } && StringFormat.CalendarDate.IsValid(d[..10]))?[..10];
        title = string.IsNullOrWhiteSpace(title) ? fallbackTitle ?? "Untitled decision" : title;
        var slug = Slug.Of(title) is { Length: > 0 } s ? s : "decision";
        var id = idPrefix.Length > 0 ? idPrefix : date is null ? slug : $"{date}-{slug}";
        return new TeamDecision
        {
            Id = Slug.Unique(id, taken),
            Title = title,
            Date = date,
            By = lines.Select(l => Field("By", l)).FirstOrDefault(b => !string.IsNullOrWhiteSpace(b)),
            Text = text,
        };
    }

    /// <summary>The value of a <c>**Name:** value</c> line (also as a list item), or null.</summary>
    private static string? Field(string name, string line) =>
        FieldLine().Match(line) is { Success: true } match && match.Groups["name"].Value.Equals(name, StringComparison.OrdinalIgnoreCase)
            ? match.Groups["value"].Value.Trim()
            : null;

    /// <summary>The line after an entry: the next heading of level 1-3 outside a code fence, or the end.</summary>
    private static int EntryEnd(List<string> lines, int start)
    {
        var inFence = false;
        for (var i = start + 1; i < lines.Count; i++)
        {
            if (!inFence && HeadingLevel(lines[i]) is >= 1 and <= 3)
            {
                return i;
            }

            inFence ^= IsFence(lines[i]);
        }

        return lines.Count;
    }

    /// <summary>The text's lines, each with its own line break (the last may have none).</summary>
    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        for (var start = 0; start < text.Length;)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    /// <summary>1-6 for an ATX heading line (<c>## Title</c>), else 0.</summary>
    internal static int HeadingLevel(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == line.Length || line[level] is ' ' or '\t' or '\r' or '\n') ? level : 0;
    }

    private static bool IsFence(string line) =>
        line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal);

    private static bool IsBlankOrSeparator(string line)
    {
        var bare = string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
        return bare.Length == 0 || (bare.Length >= 3 && bare.All(c => c == bare[0]) && bare[0] is '-' or '*' or '_');
    }

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ][0-9:.+Z-]*)?\s*[:—–-]\s*(?<title>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DatedHeading();

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?\*\*(?<name>[A-Za-z ]+?):?\*\*:?(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldLine();
}
