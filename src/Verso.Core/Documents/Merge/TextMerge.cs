using System.Collections.Immutable;
using System.Text;
using Verso.Documents.Diff;

namespace Verso.Documents.Merge;

/// <summary>Three-way merge of texts, line by line (diff3).</summary>
/// <remarks>
/// <para>
/// Both sides are diffed against the base (Myers in linear space, within a <see cref="ComparisonBudget"/>). Changes are grouped into regions
/// of the base: changes whose base ranges overlap or touch fall into one region, so edits to adjacent
/// lines, or an insertion right next to another side's edit, are one region, as in GNU diff3 and git.
/// A region only one side changed takes that side's lines; a region both sides changed to the same
/// lines takes those lines; any other region is a conflict and keeps its base lines in the merged text.
/// </para>
/// <para>
/// A line is its text with its line break (<c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>), so the merged
/// text keeps every line ending exactly as the side it came from wrote it, a missing final line break
/// included; changing only a line ending is a change like any other.
/// </para>
/// </remarks>
public static class TextMerge
{
    /// <summary>Merges the changes from <paramref name="base"/> to <paramref name="ours"/> and to <paramref name="theirs"/>.</summary>
    /// <param name="base">The common ancestor.</param>
    /// <param name="ours">One side's text.</param>
    /// <param name="theirs">The other side's text.</param>
    /// <param name="budget">The work both line diffs may do together, and the token that stops them; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>The merged text and the regions the sides disagree on.</returns>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static TextMergeResult Merge3(string @base, string ours, string theirs, ComparisonBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);

        var baseLines = SplitLines(@base);
        var oursLines = SplitLines(ours);
        var theirsLines = SplitLines(theirs);
        budget ??= new ComparisonBudget();
        var hunks = Hunks(baseLines, oursLines, isOurs: true, budget)
            .Concat(Hunks(baseLines, theirsLines, isOurs: false, budget))
            .OrderBy(h => h.BaseStart)
            .ThenBy(h => h.IsOurs ? 0 : 1)
            .ToList();

        var merged = new StringBuilder();
        var mergedLineCount = 0;
        var conflicts = ImmutableArray.CreateBuilder<TextConflict>();
        var baseCursor = 0;
        var next = 0;
        while (next < hunks.Count)
        {
            var regionStart = hunks[next].BaseStart;
            var regionEnd = hunks[next].BaseEnd;
            var first = next++;

            // "<=" so that touching ranges (and insertions at the same point) share a region.
            while (next < hunks.Count && hunks[next].BaseStart <= regionEnd)
            {
                regionEnd = Math.Max(regionEnd, hunks[next].BaseEnd);
                next++;
            }

            mergedLineCount += Append(merged, baseLines, baseCursor, regionStart - baseCursor);
            var region = hunks.GetRange(first, next - first);
            var oursRange = SideRange(region, isOurs: true, regionStart, regionEnd);
            var theirsRange = SideRange(region, isOurs: false, regionStart, regionEnd);
            var oursText = Join(oursLines, oursRange);
            var theirsText = Join(theirsLines, theirsRange);
            var oursChanged = region.Any(h => h.IsOurs);
            var theirsChanged = region.Any(h => !h.IsOurs);
            if (!theirsChanged || (oursChanged && string.Equals(oursText, theirsText, StringComparison.Ordinal)))
            {
                merged.Append(oursText);
                mergedLineCount += oursRange.Count;
            }
            else if (!oursChanged)
            {
                merged.Append(theirsText);
                mergedLineCount += theirsRange.Count;
            }
            else
            {
                var baseRange = (Start: regionStart, Count: regionEnd - regionStart);
                conflicts.Add(new TextConflict(
                    ToLineRange(baseRange),
                    ToLineRange(oursRange),
                    ToLineRange(theirsRange),
                    new LineRange(mergedLineCount + 1, baseRange.Count),
                    Join(baseLines, baseRange),
                    oursText,
                    theirsText));
                mergedLineCount += Append(merged, baseLines, regionStart, baseRange.Count);
            }

            baseCursor = regionEnd;
        }

        Append(merged, baseLines, baseCursor, baseLines.Length - baseCursor);
        return new TextMergeResult(merged.ToString(), conflicts.ToImmutable());
    }

    /// <summary>Splits a text after each line break, so that joining the pieces gives the text back.</summary>
    internal static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return [.. lines];
    }

    // The lines are split once, in Merge3; the diff's shared LCS keeps each line whole, breaks included.
    private static IEnumerable<Hunk> Hunks(string[] baseLines, string[] sideLines, bool isOurs, ComparisonBudget budget) =>
        SequenceDiff.Compute(baseLines, sideLines, budget).Select(block =>
            new Hunk(isOurs, block.DeleteStartA, block.DeleteCountA, block.InsertStartB, block.InsertCountB));

    // Outside its own hunks a side's lines pair one to one with base lines, so the side's part of a
    // region is its first hunk's start moved back, and its last hunk's end moved forward, to the region's edges.
    private static (int Start, int Count) SideRange(List<Hunk> region, bool isOurs, int regionStart, int regionEnd)
    {
        Hunk? first = null;
        Hunk? last = null;
        foreach (var hunk in region.Where(h => h.IsOurs == isOurs))
        {
            first ??= hunk;
            last = hunk;
        }

        if (first is null || last is null)
        {
            return (0, 0);
        }

        var start = first.SideStart - (first.BaseStart - regionStart);
        var end = last.SideStart + last.SideCount + (regionEnd - last.BaseEnd);
        return (start, end - start);
    }

    private static LineRange ToLineRange((int Start, int Count) range) => new(range.Start + 1, range.Count);

    private static string Join(string[] lines, (int Start, int Count) range) =>
        string.Join(string.Empty, lines, range.Start, range.Count);

    private static int Append(StringBuilder builder, string[] lines, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            builder.Append(lines[i]);
        }

        return count;
    }

    // One block of a two-way line diff: base lines [BaseStart, BaseEnd) became the side's SideCount lines at SideStart.
    private sealed record Hunk(bool IsOurs, int BaseStart, int BaseCount, int SideStart, int SideCount)
    {
        public int BaseEnd => BaseStart + BaseCount;
    }
}
