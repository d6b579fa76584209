namespace Verso.Documents.Diff;

// Myers' O((N+M)·D) diff in linear space (the 1986 paper's middle-snake refinement): find the middle snake
// of the shortest edit script, split there, recurse on both halves. Memory is two diagonal arrays of N+M+2
// and a mark per item; the recursion halves D each level. Every step is taken from a ComparisonBudget,
// which also carries the cancellation token, so a huge reordered text stops instead of running for minutes.
//
// The choices where several shortest scripts exist (which neighbour diagonal to extend on a tie, how the
// middle snake's edge is placed, equal ends stripped at every level) are those of DiffPlex 1.4.4, which
// Verso used before: the blocks are the same ones, so diffs, merges and blames read as they always did
// (a test compares both on generated inputs).
internal sealed class MyersDiff
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly bool[] _removed;
    private readonly bool[] _added;
    private readonly int[] _forward;
    private readonly int[] _reverse;
    private readonly ComparisonBudget _budget;

    private MyersDiff(int[] a, int[] b, ComparisonBudget budget)
    {
        _a = a;
        _b = b;
        _removed = new bool[a.Length];
        _added = new bool[b.Length];
        _forward = new int[a.Length + b.Length + 2];
        _reverse = new int[a.Length + b.Length + 2];
        _budget = budget;
    }

    private enum Step
    {
        Down,
        Right,
        Left,
        Up,
    }

    /// <summary>The blocks that turn <paramref name="a"/> into <paramref name="b"/> (items as numbers: equal numbers, equal items).</summary>
    public static List<EditBlock> Compute(int[] a, int[] b, ComparisonBudget budget)
    {
        var diff = new MyersDiff(a, b, budget);
        diff.Mark(0, a.Length, 0, b.Length);
        return diff.Blocks();
    }

    private void Mark(int startA, int endA, int startB, int endB)
    {
        var (firstA, lastA) = (startA, endA);
        while (startA < endA && startB < endB && _a[startA] == _b[startB])
        {
            startA++;
            startB++;
        }

        while (startA < endA && startB < endB && _a[endA - 1] == _b[endB - 1])
        {
            endA--;
            endB--;
        }

        _budget.Spend(1 + (startA - firstA) + (lastA - endA));
        if (startA < endA && startB < endB)
        {
            var snake = MiddleSnake(startA, endA, startB, endB);
            if (snake.Length <= 0)
            {
                return;
            }

            // The edit that led onto the middle snake belongs to neither half: mark it here.
            var (x0, y0, x1, y1) = (snake.StartX, snake.StartY, snake.EndX, snake.EndY);
            if (snake.Last == Step.Right && x0 - 1 > startA)
            {
                _removed[--x0] = true;
            }
            else if (snake.Last == Step.Down && y0 - 1 > startB)
            {
                _added[--y0] = true;
            }
            else if (snake.Last == Step.Left && x1 < endA)
            {
                _removed[x1++] = true;
            }
            else if (snake.Last == Step.Up && y1 < endB)
            {
                _added[y1++] = true;
            }

            Mark(startA, x0, startB, y0);
            Mark(x1, endA, y1, endB);
        }
        else
        {
            Array.Fill(_removed, true, startA, endA - startA);
            Array.Fill(_added, true, startB, endB - startB);
        }
    }

    // Searches forward from the top left and backward from the bottom right, one edit at a time, until the
    // two searches overlap on a diagonal; the snake where they meet splits the script in two halves.
    private Snake MiddleSnake(int startA, int endA, int startB, int endB)
    {
        var n = endA - startA;
        var m = endB - startB;
        var half = (n + m + 1) / 2;
        var delta = n - m;
        var odd = (delta & 1) != 0;
        _forward[half + 1] = 0;
        _reverse[half + 1] = n + 1;
        for (var d = 0; d <= half; d++)
        {
            for (var k = -d; k <= d; k += 2)
            {
                var i = k + half;
                var down = k == -d || (k != d && _forward[i - 1] < _forward[i + 1]);
                var x = down ? _forward[i + 1] : _forward[i - 1] + 1;
                var (fromX, fromY) = (x, x - k);
                var y = fromY;
                while (x < n && y < m && _a[startA + x] == _b[startB + y])
                {
                    x++;
                    y++;
                }

                _budget.Spend(1 + x - fromX);
                _forward[i] = x;
                var opposite = k - delta;
                if (odd && opposite >= 1 - d && opposite <= d - 1 && _reverse[opposite + half] <= x && _reverse[opposite + half] - k <= y)
                {
                    return new Snake(2 * d - 1, startA + fromX, startB + fromY, startA + x, startB + y, down ? Step.Down : Step.Right);
                }
            }

            for (var k = -d; k <= d; k += 2)
            {
                var i = k + half;
                var left = k == -d || (k != d && _reverse[i + 1] <= _reverse[i - 1]);
                var x = left ? _reverse[i + 1] - 1 : _reverse[i - 1];
                var (toX, toY) = (x, x - k - delta);
                var y = toY;
                while (x > 0 && y > 0 && _a[startA + x - 1] == _b[startB + y - 1])
                {
                    x--;
                    y--;
                }

                _budget.Spend(1 + toX - x);
                _reverse[i] = x;
                var opposite = k + delta;
                if (!odd && opposite >= -d && opposite <= d && _forward[opposite + half] >= x && _forward[opposite + half] - opposite >= y)
                {
                    return new Snake(2 * d, startA + x, startB + y, startA + toX, startB + toY, left ? Step.Left : Step.Up);
                }
            }
        }

        throw new InvalidOperationException("the forward and reverse searches of a diff did not meet");
    }

    // Runs of marked items, paired in order: between two runs the unmarked items are the common subsequence.
    private List<EditBlock> Blocks()
    {
        var blocks = new List<EditBlock>();
        int x = 0, y = 0;
        do
        {
            while (x < _a.Length && y < _b.Length && !_removed[x] && !_added[y])
            {
                x++;
                y++;
            }

            var (fromX, fromY) = (x, y);
            while (x < _a.Length && _removed[x])
            {
                x++;
            }

            while (y < _b.Length && _added[y])
            {
                y++;
            }

            if (x > fromX || y > fromY)
            {
                blocks.Add(new EditBlock(fromX, x - fromX, fromY, y - fromY));
            }
        }
        while (x < _a.Length && y < _b.Length);

        return blocks;
    }

    private readonly record struct Snake(int Length, int StartX, int StartY, int EndX, int EndY, Step Last);
}
