using DiffPlex;
using DiffPlex.Model;

namespace Verso.Diff;

// The longest common subsequence of two sequences of strings, as DiffPlex's blocks of deletions and
// insertions (Myers' algorithm in linear space).
internal static class SequenceDiff
{
    private static readonly Differ Differ = new();

    public static IList<DiffBlock> Compute(IReadOnlyList<string> left, IReadOnlyList<string> right) => Compute(left, right, 0);

    /// <summary>
    /// The blocks of two sequences that are the middles of longer ones: both had <paramref name="offset"/>
    /// equal items before them (and any number of equal items after), so the blocks are shifted by it.
    /// Differ strips equal items at both ends before it searches, so this gives the blocks of the longer
    /// sequences without keying their equal ends.
    /// </summary>
    public static IList<DiffBlock> Compute(IReadOnlyList<string> left, IReadOnlyList<string> right, int offset)
    {
        var blocks = ComputeFromStart(left, right);
        if (offset == 0)
        {
            return blocks;
        }

        return [.. blocks.Select(b => new DiffBlock(b.DeleteStartA + offset, b.DeleteCountA, b.InsertStartB + offset, b.InsertCountB))];
    }

    private static IList<DiffBlock> ComputeFromStart(IReadOnlyList<string> left, IReadOnlyList<string> right)
    {
        if (left.Count == 0 || right.Count == 0)
        {
            // DiffPlex sees an empty text as one empty piece, so the trivial cases are answered here.
            return left.Count == 0 && right.Count == 0 ? [] : [new DiffBlock(0, left.Count, 0, right.Count)];
        }

        // DiffPlex diffs pieces of one text; each distinct element becomes a short numeric piece, so that
        // elements holding line breaks or the separator stay whole and long elements are compared once.
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = Differ.CreateCustomDiffs(Encode(left, ids), Encode(right, ids), false, text => text.Split('\n'));
        return result.DiffBlocks;
    }

    // Within one block of deletions and insertions, pairs each deleted item with the first insertion
    // after the previous pair that it is compatible with. Pairs keep their order on both sides, which
    // is what lets a patch remove the unpaired deletions, add the unpaired insertions and find every
    // paired item at its right-hand index.
    public static List<(int Left, int Right)> Pair(DiffBlock block, Func<int, int, bool> compatible)
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

    private static string Encode(IReadOnlyList<string> elements, Dictionary<string, string> ids)
    {
        var pieces = new string[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            if (!ids.TryGetValue(elements[i], out var id))
            {
                id = ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ids[elements[i]] = id;
            }

            pieces[i] = id;
        }

        return string.Join('\n', pieces);
    }
}
