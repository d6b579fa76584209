using System.Text.Json.Nodes;

namespace Verso.Documents.Diff;

// Pairs the items of two arrays of objects by the value of their identity key, and picks the items
// that keep their relative order: the longest increasing subsequence of the left positions of the
// common items taken in right order. Every other common item has moved, so one item moved up is one
// move, not a shift of everything it passed. Hashing plus patience sorting keeps this O(n log n).
internal sealed class KeyedArrayMatch
{
    private KeyedArrayMatch(int[] leftOf, int[] rightOf)
    {
        LeftOf = leftOf;
        RightOf = rightOf;
        Stable = new bool[leftOf.Length];
    }

    // For each right item, the index of its left counterpart, or -1 when it was added.
    public int[] LeftOf { get; }

    // For each left item, the index of its right counterpart, or -1 when it was removed.
    public int[] RightOf { get; }

    // For each right item, whether it is a common item that kept its place relative to the others.
    public bool[] Stable { get; }

    // How many common items did not keep their place.
    public int MoveCount { get; private set; }

    // Elementary steps taken (key lookups and search steps), so tests can show the work is not quadratic.
    public long Steps { get; private set; }

    // Null when an item is not an object with the key, or a key value repeats on one side: identity
    // is then ambiguous and the caller compares the arrays as plain sequences.
    public static KeyedArrayMatch? TryCreate(JsonArray left, JsonArray right, string key, CanonicalTexts texts)
    {
        var leftIndex = IndexByKey(left, key, texts);
        var rightIndex = leftIndex is null ? null : IndexByKey(right, key, texts);
        if (leftIndex is null || rightIndex is null)
        {
            return null;
        }

        var leftOf = new int[right.Count];
        var rightOf = new int[left.Count];
        Array.Fill(rightOf, -1);
        foreach (var (keyText, j) in rightIndex)
        {
            if (leftIndex.TryGetValue(keyText, out var i))
            {
                leftOf[j] = i;
                rightOf[i] = j;
            }
            else
            {
                leftOf[j] = -1;
            }
        }

        var match = new KeyedArrayMatch(leftOf, rightOf) { Steps = left.Count + right.Count };
        match.MarkStable();
        return match;
    }

    private static Dictionary<string, int>? IndexByKey(JsonArray items, string key, CanonicalTexts texts)
    {
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item || !item.TryGetPropertyValue(key, out var value) || !index.TryAdd(texts.Of(value), i))
            {
                return null;
            }
        }

        return index;
    }

    // Patience sorting: tails[k] is the right index ending the best increasing run of length k + 1
    // found so far; back links rebuild the run.
    private void MarkStable()
    {
        var tails = new List<int>();
        var previous = new int[LeftOf.Length];
        var common = 0;
        for (var j = 0; j < LeftOf.Length; j++)
        {
            var i = LeftOf[j];
            if (i < 0)
            {
                continue;
            }

            common++;
            int low = 0, high = tails.Count;
            while (low < high)
            {
                Steps++;
                var middle = (low + high) / 2;
                if (LeftOf[tails[middle]] < i)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            previous[j] = low > 0 ? tails[low - 1] : -1;
            if (low == tails.Count)
            {
                tails.Add(j);
            }
            else
            {
                tails[low] = j;
            }
        }

        for (var j = tails.Count > 0 ? tails[^1] : -1; j >= 0; j = previous[j])
        {
            Stable[j] = true;
        }

        MoveCount = common - tails.Count;
    }
}
