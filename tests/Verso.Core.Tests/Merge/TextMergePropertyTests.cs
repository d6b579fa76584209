using FsCheck;
using FsCheck.Fluent;
using Verso.Documents.Merge;

namespace Verso.Core.Tests.Merge;

/// <summary>Invariants of the line merge over texts made of few distinct lines, so that diffs find many matches.</summary>
public sealed class TextMergePropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Gen<string> Lines =
        Gen.Elements("a\n", "b\n", "c\n", "a\r\n", "\n", "b").ListOf().Select(lines => string.Concat(lines.Take(15)));

    private static readonly Arbitrary<(string Base, string Changed)> Pairs = Arb.From(Lines.Zip(Lines));

    [Fact]
    public void WhenOneSideChangedNothingTheMergeIsTheOtherSideExactly()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair =>
            TextMerge.Merge3(pair.Base, pair.Changed, pair.Base) is { IsClean: true } ours && ours.Merged == pair.Changed
            && TextMerge.Merge3(pair.Base, pair.Base, pair.Changed) is { IsClean: true } theirs && theirs.Merged == pair.Changed));
    }

    [Fact]
    public void TheSameChangeOnBothSidesMergesCleanlyToThatChange()
    {
        Check.One(Cases, Prop.ForAll(Pairs, pair =>
            TextMerge.Merge3(pair.Base, pair.Changed, pair.Changed) is { IsClean: true } result && result.Merged == pair.Changed));
    }

    [Fact]
    public void ChangesToTheTwoHalvesOfATextAroundAnUntouchedLineCombine()
    {
        // Each side rewrites its own half; the fixed middle line keeps the two regions apart.
        var halves = Arb.From(
            from head in Lines
            from tail in Lines
            from newHead in Lines
            from newTail in Lines
            select (Head: Terminated(head), Tail: tail, NewHead: Terminated(newHead), NewTail: newTail));

        Check.One(Cases, Prop.ForAll(halves, t =>
        {
            const string Middle = "--- unique middle line ---\n";
            var result = TextMerge.Merge3(t.Head + Middle + t.Tail, t.NewHead + Middle + t.Tail, t.Head + Middle + t.NewTail);

            return result.IsClean && result.Merged == t.NewHead + Middle + t.NewTail;
        }));
    }

    [Fact]
    public void ConflictRegionsHoldExactlyTheBaseLinesInTheMergedText()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(Lines.Zip(Lines).Zip(Lines)), triple =>
        {
            var ((@base, ours), theirs) = triple;
            var result = TextMerge.Merge3(@base, ours, theirs);
            var mergedLines = TextMerge.SplitLines(result.Merged);

            return result.Conflicts.All(c =>
                string.Concat(mergedLines.Skip(c.Merged.Start - 1).Take(c.Merged.Length)) == c.BaseText
                && string.Concat(TextMerge.SplitLines(@base).Skip(c.Base.Start - 1).Take(c.Base.Length)) == c.BaseText
                && string.Concat(TextMerge.SplitLines(ours).Skip(c.Ours.Start - 1).Take(c.Ours.Length)) == c.OursText
                && string.Concat(TextMerge.SplitLines(theirs).Skip(c.Theirs.Start - 1).Take(c.Theirs.Length)) == c.TheirsText
                && c.OursText != c.TheirsText);
        }));
    }

    // A half that ends without a line break would glue itself to the middle line.
    private static string Terminated(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
}
