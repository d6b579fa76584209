using FsCheck;
using FsCheck.Fluent;
using Verso.Documents.Diff;

namespace Verso.Core.Tests.Diff;

/// <summary>
/// Verso's own linear-space Myers diff replaced DiffPlex's so that it can keep a budget and stop when
/// cancelled: for every input within the budget it must give exactly the blocks DiffPlex gave, so no
/// diff, merge or blame reads differently than before.
/// </summary>
public sealed class LinearDiffTests
{
    private static readonly DiffPlex.Differ Reference = new();

    // Seeds of generated sequence pairs: small alphabets make equal items, repeats and ties common.
    private static readonly Arbitrary<(int Seed, int Shape)> Seeds = Arb.From(Gen.Choose(0, int.MaxValue).Zip(Gen.Choose(0, 5)));

    [Fact]
    public void TheBlocksAreDiffPlexsBlocksOnGeneratedSequences()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(Seeds, seeds =>
        {
            var (left, right) = Pair(new Random(seeds.Seed), seeds.Shape);
            return Describe(SequenceDiff.Compute(left, right, new ComparisonBudget())) == DescribeReference(left, right);
        }));
    }

    [Fact]
    public void TheBlocksAreDiffPlexsBlocksOnLongTextsWithScatteredEdits()
    {
        var random = new Random(21);
        for (var run = 0; run < 20; run++)
        {
            var left = Sequence(random, 50, 2000);
            var right = Edit(left, random, 50, 200);

            Assert.Equal(DescribeReference(left, right), Describe(SequenceDiff.Compute(left, right, new ComparisonBudget())));
        }
    }

    private static (List<string> Left, List<string> Right) Pair(Random random, int shape)
    {
        var alphabet = 1 + random.Next(shape == 0 ? 3 : 12);
        var left = Sequence(random, alphabet, random.Next(shape < 4 ? 16 : 200));
        return shape switch
        {
            // Unrelated sequences, then an edited copy: few or many edits, at the ends or anywhere.
            1 or 5 => (left, Sequence(random, alphabet, random.Next(shape == 1 ? 16 : 200))),
            _ => (left, Edit(left, random, alphabet, 1 + random.Next(shape * 3))),
        };
    }

    private static List<string> Sequence(Random random, int alphabet, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => "line " + random.Next(alphabet))];

    private static List<string> Edit(List<string> items, Random random, int alphabet, int edits)
    {
        var edited = items.ToList();
        for (; edits > 0; edits--)
        {
            var at = random.Next(edited.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    edited.Insert(at, "line " + random.Next(alphabet));
                    break;
                case 1 when at < edited.Count:
                    edited.RemoveAt(at);
                    break;
                case 2 when at < edited.Count:
                    edited[at] = "line " + random.Next(alphabet);
                    break;
                case 3 when at + 1 < edited.Count:
                    (edited[at], edited[at + 1]) = (edited[at + 1], edited[at]);
                    break;
            }
        }

        return edited;
    }

    private static string Describe(IEnumerable<EditBlock> blocks) =>
        string.Join(" ", blocks.Select(b => $"-{b.DeleteStartA}+{b.DeleteCountA}/+{b.InsertStartB}+{b.InsertCountB}"));

    // The way Verso called DiffPlex before: each distinct item a numeric piece of one text, the empty cases answered directly.
    private static string DescribeReference(List<string> left, List<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return left.Count == 0 && right.Count == 0 ? "" : $"-0+{left.Count}/+0+{right.Count}";
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string Encode(List<string> items) => string.Join('\n', items.Select(item =>
            ids.TryGetValue(item, out var id) ? id : ids[item] = ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var result = Reference.CreateCustomDiffs(Encode(left), Encode(right), false, text => text.Split('\n'));
        return string.Join(" ", result.DiffBlocks.Select(b => $"-{b.DeleteStartA}+{b.DeleteCountA}/+{b.InsertStartB}+{b.InsertCountB}"));
    }
}
