namespace Verso.Documents.Diff;

// The longest common subsequence of two sequences of strings, as blocks of deletions and insertions
// (Myers' algorithm in linear space, within a ComparisonBudget).
internal static class SequenceDiff
{
    public static List<EditBlock> Compute(IReadOnlyList<string> left, IReadOnlyList<string> right, ComparisonBudget budget) =>
        Compute(left, right, 0, budget);

    /// <summary>
    /// The blocks of two sequences that are the middles of longer ones: both had <paramref name="offset"/>
    /// equal items before them (and any number of equal items after), so the blocks are shifted by it.
    /// The diff strips equal items at both ends before it searches, so this gives the blocks of the longer
    /// sequences without keying their equal ends.
    /// </summary>
    public static List<EditBlock> Compute(IReadOnlyList<string> left, IReadOnlyList<string> right, int offset, ComparisonBudget budget)
    {
        budget.CancellationToken.ThrowIfCancellationRequested();
        var blocks = ComputeFromStart(left, right, budget);
        if (offset != 0)
        {
            for (var i = 0; i < blocks.Count; i++)
            {
                blocks[i] = blocks[i] with { DeleteStartA = blocks[i].DeleteStartA + offset, InsertStartB = blocks[i].InsertStartB + offset };
            }
        }

        return blocks;
    }

    private static List<EditBlock> ComputeFromStart(IReadOnlyList<string> left, IReadOnlyList<string> right, ComparisonBudget budget)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            return left.Count == 0 && right.Count == 0 ? [] : [new EditBlock(0, left.Count, 0, right.Count)];
        }

        // Each distinct element becomes a number, so long elements are hashed once and compared as integers.
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return MyersDiff.Compute(Encode(left, ids), Encode(right, ids), budget);
    }

    // Within one block of deletions and insertions, pairs each deleted item with the first insertion
    // after the previous pair that it is compatible with. Pairs keep their order on both sides, which
    // is what lets a patch remove the unpaired deletions, add the unpaired insertions and find every
    // paired item at its right-hand index.
    public static List<(int Left, int Right)> Pair(EditBlock block, Func<int, int, bool> compatible)
    {
        var pairs = new List<(int Left, int Right)>();
        var next = block.InsertStartB;
        var end = block.InsertStartB + block.InsertCountB;
        for (var i = block.DeleteStartA; i < block.DeleteStartA + block.DeleteCountA && next < end; i++)
        {
            for (var j = next; j < end; j++)
            {
                if (compatible(i, j))
                {
                    pairs.Add((i, j));
                    next = j + 1;
                    break;
                }
            }
        }

        return pairs;
    }

    private static int[] Encode(IReadOnlyList<string> elements, Dictionary<string, int> ids)
    {
        var numbers = new int[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            if (!ids.TryGetValue(elements[i], out var id))
            {
                id = ids.Count;
                ids[elements[i]] = id;
            }

            numbers[i] = id;
        }

        return numbers;
    }
}
