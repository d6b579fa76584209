using System.Text.Json.Nodes;
using Verso.Documents.Diff;

namespace Verso.Core.Tests.Diff;

/// <summary>
/// A sequence diff keys only the middle of two arrays, after their equal first and last items: it must
/// give exactly the blocks (so the changes) the diff of the whole sequences gives.
/// </summary>
public sealed class SequenceEndsTests
{
    [Fact]
    public void TheBlocksOfTheMiddleShiftedAreTheBlocksOfTheWholeSequences()
    {
        var random = new Random(99);
        for (var run = 0; run < 5000; run++)
        {
            // A small alphabet, so that equal items and repeats are common, at the ends and in between.
            var alphabet = 1 + random.Next(5);
            var left = Sequence(random, alphabet, random.Next(12));
            var right = random.Next(3) == 0 ? Sequence(random, alphabet, random.Next(12)) : Edit(left, random, alphabet);

            var start = 0;
            while (start < left.Count && start < right.Count && left[start] == right[start])
            {
                start++;
            }

            var end = 0;
            while (end < left.Count - start && end < right.Count - start && left[^(end + 1)] == right[^(end + 1)])
            {
                end++;
            }

            var whole = SequenceDiff.Compute(left, right, new ComparisonBudget());
            var middle = SequenceDiff.Compute(left[start..^end], right[start..^end], start, new ComparisonBudget());

            Assert.Equal(Describe(whole), Describe(middle));
        }
    }

    [Fact]
    public void ItemsEqualOnlyInCanonicalFormCountAsEqualEnds()
    {
        // 1.0 and 1 are one canonical number: the change is the added item, not a rewrite of the first one.
        var left = JsonNode.Parse("""[1.0, {"a":2}, 3]""");
        var right = JsonNode.Parse("""[1, {"a":2}, "new", 3e0]""");

        var change = Assert.Single(JsonDiff.Compute(left, right));

        Assert.Equal("/2", change.Path);
        Assert.Equal(ChangeKind.Added, change.Kind);
    }

    private static List<string> Sequence(Random random, int alphabet, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => ((char)('a' + random.Next(alphabet))).ToString())];

    private static List<string> Edit(List<string> items, Random random, int alphabet)
    {
        var edited = items.ToList();
        for (var edits = random.Next(4); edits > 0; edits--)
        {
            var at = random.Next(edited.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    edited.Insert(at, ((char)('a' + random.Next(alphabet))).ToString());
                    break;
                case 1 when at < edited.Count:
                    edited.RemoveAt(at);
                    break;
                case 2 when at < edited.Count:
                    edited[at] = ((char)('a' + random.Next(alphabet))).ToString();
                    break;
            }
        }

        return edited;
    }

    private static string Describe(IList<EditBlock> blocks) =>
        string.Join(" ", blocks.Select(b => $"-{b.DeleteStartA}+{b.DeleteCountA}/+{b.InsertStartB}+{b.InsertCountB}"));
}
