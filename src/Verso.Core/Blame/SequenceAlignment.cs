using DiffPlex;

namespace Verso.Blame;

// Aligns two sequences of single-line strings (text lines, or array items as canonical JSON) with
// DiffPlex's Myers diff: for each new position, the old position it continues, and whether it is the
// same item or one that replaced it in an edited block.
internal static class SequenceAlignment
{
    private static readonly Differ Differ = new();

    /// <summary>Per new index: the old index it comes from (-1 when new) and whether the two are equal.</summary>
    public static (int OldIndex, bool Equal)[] Align(IReadOnlyList<string> oldItems, IReadOnlyList<string> newItems)
    {
        var result = new (int OldIndex, bool Equal)[newItems.Count];
        var diff = Differ.CreateCustomDiffs(
            string.Join('\n', oldItems), string.Join('\n', newItems), ignoreWhiteSpace: false, ignoreCase: false,
            text => text.Length == 0 ? [] : text.Split('\n'));
        // DiffPlex reports an empty sequence as one empty piece when joined; the guards below keep indices in range.
        int oldIndex = 0, newIndex = 0;
        foreach (var block in diff.DiffBlocks)
        {
            while (newIndex < block.InsertStartB && newIndex < result.Length)
            {
                result[newIndex++] = (oldIndex++, true);
            }

            // In an edited block, the i-th inserted item replaces the i-th deleted one.
            for (var i = 0; i < block.InsertCountB && newIndex < result.Length; i++)
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
