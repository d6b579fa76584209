using System.Collections.Immutable;

namespace Verso.Documents.Diff;

/// <summary>Line-by-line differences of two texts as unified-diff hunks (Myers' algorithm in linear space, within a <see cref="ComparisonBudget"/>).</summary>
/// <remarks>
/// <para>
/// Lines end at <c>\n</c>; a <c>\r</c> before it stays part of the line's text, so a change of line
/// endings is a change. Lines are compared together with their line break, as <c>diff</c> and git do:
/// <c>"a\n"</c> and <c>"a"</c> differ, and the last line of a text that does not end with <c>\n</c> is
/// marked <see cref="DiffLine.NoNewlineAtEnd"/>. The empty text has no lines; <c>"\n"</c> has one empty line.
/// </para>
/// <para>
/// Hunks number lines from 1, as unified diff does; a side whose length in a hunk is 0 gives the number
/// of the line after which the hunk applies (0 at the start). Two runs of changes whose context would
/// touch or overlap are one hunk. Within a change, removed lines come before added lines.
/// </para>
/// </remarks>
public static class TextDiffer
{
    /// <summary>The lines of context around each change unless told otherwise: 3, as unified diff uses.</summary>
    public const int DefaultContext = 3;

    /// <summary>Computes the line hunks that turn <paramref name="left"/> into <paramref name="right"/>.</summary>
    /// <param name="left">The old text.</param>
    /// <param name="right">The new text.</param>
    /// <param name="context">Unchanged lines to show before and after each change.</param>
    /// <param name="budget">The work the line diff may do, and the token that stops it; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>The hunks; none when the texts are equal.</returns>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="context"/> is negative.</exception>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static TextDiff Compute(string left, string right, int context = DefaultContext, ComparisonBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentOutOfRangeException.ThrowIfNegative(context);

        var oldLines = SplitKeepingBreaks(left);
        var newLines = SplitKeepingBreaks(right);
        var script = Script(oldLines, newLines, budget ?? new ComparisonBudget());
        return new TextDiff(Hunks(script, context));
    }

    // "a\nb" → ["a\n", "b"]: each line with its break, so comparing lines compares the breaks too.
    private static List<string> SplitKeepingBreaks(string text)
    {
        var lines = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static List<DiffLine> Script(List<string> oldLines, List<string> newLines, ComparisonBudget budget)
    {
        var script = new List<DiffLine>(Math.Max(oldLines.Count, newLines.Count));
        var oldIndex = 0;
        foreach (var block in SequenceDiff.Compute(oldLines, newLines, budget))
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++)
            {
                script.Add(Line(LineChange.Unchanged, oldLines[oldIndex]));
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                script.Add(Line(LineChange.Removed, oldLines[oldIndex++]));
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                script.Add(Line(LineChange.Added, newLines[block.InsertStartB + k]));
            }
        }

        for (; oldIndex < oldLines.Count; oldIndex++)
        {
            script.Add(Line(LineChange.Unchanged, oldLines[oldIndex]));
        }

        return script;
    }

    private static DiffLine Line(LineChange kind, string line) => line.EndsWith('\n')
        ? new DiffLine(kind, line[..^1])
        : new DiffLine(kind, line) { NoNewlineAtEnd = true };

    private static ImmutableArray<TextHunk> Hunks(List<DiffLine> script, int context)
    {
        var hunks = ImmutableArray.CreateBuilder<TextHunk>();
        int oldBefore = 0, newBefore = 0, consumed = 0;
        for (var first = NextChange(script, 0); first >= 0;)
        {
            // Extend the hunk over every later change whose gap of unchanged lines its context would bridge.
            var last = first;
            for (var next = NextChange(script, last + 1); next >= 0 && next - last - 1 <= 2 * context; next = NextChange(script, last + 1))
            {
                last = next;
            }

            var start = Math.Max(consumed, first - context);
            var end = Math.Min(script.Count, last + 1 + context);
            for (; consumed < start; consumed++)
            {
                oldBefore++;
                newBefore++;
            }

            var lines = script.GetRange(start, end - start);
            var oldLength = lines.Count(l => l.Kind != LineChange.Added);
            var newLength = lines.Count(l => l.Kind != LineChange.Removed);
            hunks.Add(new TextHunk(
                oldLength > 0 ? oldBefore + 1 : oldBefore,
                oldLength,
                newLength > 0 ? newBefore + 1 : newBefore,
                newLength,
                [.. lines]));
            oldBefore += oldLength;
            newBefore += newLength;
            consumed = end;
            first = NextChange(script, end);
        }

        return hunks.ToImmutable();
    }

    private static int NextChange(List<DiffLine> script, int from)
    {
        for (var i = from; i < script.Count; i++)
        {
            if (script[i].Kind != LineChange.Unchanged)
            {
                return i;
            }
        }

        return -1;
    }
}
