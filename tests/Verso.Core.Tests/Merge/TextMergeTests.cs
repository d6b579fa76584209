using Verso.Documents.Merge;

namespace Verso.Core.Tests.Merge;

public sealed class TextMergeTests
{
    // A 12-line prompt, as charters are written: LF line breaks and a final one.
    private static readonly string[] Charter =
    [
        "# Reviewer",
        "You review pull requests for the payments team.",
        "",
        "## Rules",
        "- Never approve your own work.",
        "- Ask for tests when behaviour changes.",
        "- Keep comments short.",
        "",
        "## Escalation",
        "Escalate security findings to the CISO agent.",
        "Escalate budget questions to finance.",
        "Sign every review.",
    ];

    private static string Text(string[] lines) => string.Concat(lines.Select(line => line + "\n"));

    private static string Edit(string[] lines, params (int LineNumber, string Text)[] edits)
    {
        var copy = lines.ToArray();
        foreach (var (lineNumber, text) in edits)
        {
            copy[lineNumber - 1] = text;
        }

        return Text(copy);
    }

    [Fact]
    public void EditsToLineTwoAndLineTenOfACharterCombineIntoTheExactText()
    {
        var ours = Edit(Charter, (2, "You review pull requests for the payments and billing teams."));
        var theirs = Edit(Charter, (10, "Escalate security findings to the security lead."));

        var result = TextMerge.Merge3(Text(Charter), ours, theirs);

        Assert.True(result.IsClean);
        Assert.Equal(
            Edit(Charter, (2, "You review pull requests for the payments and billing teams."), (10, "Escalate security findings to the security lead.")),
            result.Merged);
    }

    [Fact]
    public void DifferentEditsToLineFiveAreAConflictThatKeepsTheBaseLine()
    {
        var ours = Edit(Charter, (5, "- Never approve work you wrote."));
        var theirs = Edit(Charter, (5, "- Never approve your own work or a teammate's."));

        var result = TextMerge.Merge3(Text(Charter), ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new LineRange(5, 1), conflict.Base);
        Assert.Equal(new LineRange(5, 1), conflict.Ours);
        Assert.Equal(new LineRange(5, 1), conflict.Theirs);
        Assert.Equal(new LineRange(5, 1), conflict.Merged);
        Assert.Equal("- Never approve your own work.\n", conflict.BaseText);
        Assert.Equal("- Never approve work you wrote.\n", conflict.OursText);
        Assert.Equal("- Never approve your own work or a teammate's.\n", conflict.TheirsText);
        Assert.Equal(Text(Charter), result.Merged);
    }

    [Fact]
    public void TheSameLineEditOnBothSidesIsClean()
    {
        var edited = Edit(Charter, (7, "- Keep comments short and kind."));

        var result = TextMerge.Merge3(Text(Charter), edited, edited);

        Assert.True(result.IsClean);
        Assert.Equal(edited, result.Merged);
    }

    [Fact]
    public void AConflictKeepsTheOtherSidesCleanEditsAndReportsWhereItSitsInTheMergedText()
    {
        // Ours inserts two lines at the top, so the conflicting line moves down by two in the merged text.
        var oursLines = Charter.ToList();
        oursLines[6] = "- Keep comments brief.";
        oursLines.InsertRange(1, ["Version 2", "Owner: payments"]);
        var ours = Text([.. oursLines]);
        var theirs = Edit(Charter, (7, "- Keep comments under five lines."), (12, "Sign every review with your id."));

        var result = TextMerge.Merge3(Text(Charter), ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new LineRange(7, 1), conflict.Base);
        Assert.Equal(new LineRange(9, 1), conflict.Ours);
        Assert.Equal(new LineRange(7, 1), conflict.Theirs);
        Assert.Equal(new LineRange(9, 1), conflict.Merged);
        var mergedLines = result.Merged.Split('\n');
        Assert.Equal("Version 2", mergedLines[1]);
        Assert.Equal("- Keep comments short.", mergedLines[8]);
        Assert.Equal("Sign every review with your id.", mergedLines[13]);
    }

    [Fact]
    public void LineEndingsAndAMissingFinalLineBreakArePreservedExactly()
    {
        var result = TextMerge.Merge3("a\r\nb\r\nc\nd\re", "A\r\nb\r\nc\nd\re", "a\r\nb\r\nc\nd\rE");

        Assert.True(result.IsClean);
        Assert.Equal("A\r\nb\r\nc\nd\rE", result.Merged);
    }

    [Fact]
    public void ChangingOnlyALineEndingIsAChangeThatMerges()
    {
        var result = TextMerge.Merge3("a\nb\nc\nd\n", "a\r\nb\nc\nd\n", "a\nb\nc\nD\n");

        Assert.True(result.IsClean);
        Assert.Equal("a\r\nb\nc\nD\n", result.Merged);
    }

    [Fact]
    public void DifferentInsertionsAtTheSamePlaceAreAConflict()
    {
        var result = TextMerge.Merge3("a\nb\n", "a\nours\nb\n", "a\ntheirs\nb\n");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new LineRange(2, 0), conflict.Base);
        Assert.Equal("ours\n", conflict.OursText);
        Assert.Equal("theirs\n", conflict.TheirsText);
        Assert.Equal("a\nb\n", result.Merged);
    }

    [Fact]
    public void EditsToAdjacentLinesAreAConflictAsInDiff3()
    {
        var result = TextMerge.Merge3("a\nb\nc\nd\n", "a\nB\nc\nd\n", "a\nb\nC\nd\n");

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new LineRange(2, 2), conflict.Base);
        Assert.Equal("B\nc\n", conflict.OursText);
        Assert.Equal("b\nC\n", conflict.TheirsText);
    }

    [Fact]
    public void ADeletionOnOneSideAndAnInsertionFarAwayOnTheOtherCombine()
    {
        var result = TextMerge.Merge3("1\n2\n3\n4\n5\n6\n", "1\n3\n4\n5\n6\n", "1\n2\n3\n4\n5\nnew\n6\n");

        Assert.True(result.IsClean);
        Assert.Equal("1\n3\n4\n5\nnew\n6\n", result.Merged);
    }

    [Fact]
    public void MergingIntoAnEmptyBaseFromOneSideTakesThatSide()
    {
        Assert.Equal("x\ny", TextMerge.Merge3("", "x\ny", "").Merged);
        Assert.Equal("x\ny", TextMerge.Merge3("", "", "x\ny").Merged);
    }
}
