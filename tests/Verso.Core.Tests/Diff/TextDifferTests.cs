using Verso.Documents.Diff;

namespace Verso.Core.Tests.Diff;

/// <summary>Unified-diff hunks of <see cref="TextDiffer"/>: numbering, context, merging and line breaks.</summary>
public sealed class TextDifferTests
{
    private static readonly string Twenty = Lines(Enumerable.Range(1, 20).Select(i => $"l{i}"));

    [Fact]
    public void EqualTextsHaveNoHunks()
    {
        Assert.Empty(TextDiffer.Compute(Twenty, Twenty).Hunks);
        Assert.Empty(TextDiffer.Compute("", "").Hunks);
    }

    [Fact]
    public void AChangedLineGetsThreeLinesOfContextOnEachSideNumberedFromOne()
    {
        var hunk = Assert.Single(TextDiffer.Compute(Twenty, Twenty.Replace("l10\n", "ten\n", StringComparison.Ordinal)).Hunks);

        Assert.Equal((7, 7, 7, 7), (hunk.OldStart, hunk.OldLength, hunk.NewStart, hunk.NewLength));
        Assert.Equal([" l7", " l8", " l9", "-l10", "+ten", " l11", " l12", " l13"], hunk.Lines.Select(Show));
    }

    [Fact]
    public void ContextIsCutAtTheStartAndEndOfTheText()
    {
        var hunks = TextDiffer.Compute(Twenty, "first\n" + Twenty.Replace("l20\n", "", StringComparison.Ordinal)).Hunks;

        Assert.Equal(2, hunks.Length);
        Assert.Equal((1, 3, 1, 4), (hunks[0].OldStart, hunks[0].OldLength, hunks[0].NewStart, hunks[0].NewLength));
        Assert.Equal(["+first", " l1", " l2", " l3"], hunks[0].Lines.Select(Show));
        Assert.Equal((17, 4, 18, 3), (hunks[1].OldStart, hunks[1].OldLength, hunks[1].NewStart, hunks[1].NewLength));
        Assert.Equal([" l17", " l18", " l19", "-l20"], hunks[1].Lines.Select(Show));
    }

    [Fact]
    public void ChangesWhoseContextsTouchShareOneHunk()
    {
        // Six unchanged lines between two changes: the two contexts of three meet, so one hunk.
        var touching = TextDiffer.Compute(Twenty, Twenty.Replace("l5\n", "five\n", StringComparison.Ordinal).Replace("l12\n", "twelve\n", StringComparison.Ordinal));
        var hunk = Assert.Single(touching.Hunks);
        Assert.Equal((2, 14, 2, 14), (hunk.OldStart, hunk.OldLength, hunk.NewStart, hunk.NewLength));

        // Seven unchanged lines between them: two hunks.
        var apart = TextDiffer.Compute(Twenty, Twenty.Replace("l5\n", "five\n", StringComparison.Ordinal).Replace("l13\n", "thirteen\n", StringComparison.Ordinal));
        Assert.Equal([(2, 7), (10, 7)], apart.Hunks.Select(h => (h.OldStart, h.OldLength)));
    }

    [Fact]
    public void AnInsertionIntoAnEmptyTextStartsAtLineZeroOnTheLeft()
    {
        var hunk = Assert.Single(TextDiffer.Compute("", "a\nb\n").Hunks);

        Assert.Equal((0, 0, 1, 2), (hunk.OldStart, hunk.OldLength, hunk.NewStart, hunk.NewLength));
        Assert.Equal(["+a", "+b"], hunk.Lines.Select(Show));
    }

    [Fact]
    public void AddingOrDroppingTheFinalLineBreakIsAVisibleChange()
    {
        var hunk = Assert.Single(TextDiffer.Compute("x\na\n", "x\na").Hunks);

        Assert.Equal((1, 2, 1, 2), (hunk.OldStart, hunk.OldLength, hunk.NewStart, hunk.NewLength));
        Assert.Equal([" x", "-a", "+a\\"], hunk.Lines.Select(Show));
    }

    [Fact]
    public void CarriageReturnsStayPartOfTheLine()
    {
        var hunk = Assert.Single(TextDiffer.Compute("a\r\nb\r\n", "a\r\nb\n").Hunks);

        Assert.Equal([" a\r", "-b\r", "+b"], hunk.Lines.Select(Show));
    }

    [Fact]
    public void ContextCanBeNarrowed()
    {
        var hunk = Assert.Single(TextDiffer.Compute(Twenty, Twenty.Replace("l10\n", "ten\n", StringComparison.Ordinal), context: 0).Hunks);

        Assert.Equal((10, 1, 10, 1), (hunk.OldStart, hunk.OldLength, hunk.NewStart, hunk.NewLength));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextDiffer.Compute("a", "b", -1));
    }

    // " text", "-text", "+text" as unified diff writes them; a trailing backslash marks a missing final line break.
    internal static string Show(DiffLine line) =>
        (line.Kind switch { LineChange.Added => "+", LineChange.Removed => "-", _ => " " }) + line.Text + (line.NoNewlineAtEnd ? "\\" : "");

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));
}
