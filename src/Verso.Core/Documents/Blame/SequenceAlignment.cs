using Verso.Documents.Diff;

namespace Verso.Documents.Blame;

// Aligns two sequences of strings (text lines, or array items as canonical JSON) through the diff's own
// longest-common-subsequence: for each new position, the old position it continues, and whether it is
// the same item or one that replaced it in an edited block.
internal static class SequenceAlignment
{
    /// <summary>Per new index: the old index it comes from (-1 when new) and whether the two are equal.</summary>
    public static (int OldIndex, bool Equal)[] Align(IReadOnlyList<string> oldItems, IReadOnlyList<string> newItems, ComparisonBudget budget)
    {
        var result = new (int OldIndex, bool Equal)[newItems.Count];
        int oldIndex = 0, newIndex = 0;
        foreach (var block in SequenceDiff.Compute(oldItems, newItems, budget))
        {
            while (newIndex < block.InsertStartB)
            {
                result[newIndex++] = (oldIndex++, true);
            }

            // In an edited block, the i-th inserted item replaces the i-th deleted one.
            for (var i = 0; i < block.InsertCountB; i++)
            {
                result[newIndex++] = (i < block.DeleteCountA ? block.DeleteStartA + i : -1, false);
            }

            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        while (newIndex < result.Length)
        {
            result[newIndex++] = (oldIndex++, true);
        }

        return result;
    }
}
