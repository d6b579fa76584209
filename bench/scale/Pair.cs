using System.Diagnostics;
using System.Globalization;

namespace Verso.Scale;

// One operation on the big store beside the same on the store of one entity: rounds alternate which goes first
// (ABBA), each times `ops` calls; the medians of the per-call means are compared.
internal static class Pair
{
    public static async Task RunAsync(string name, int ops, int rounds, string goal, Func<int, Task> big, Func<int, Task> small)
    {
        // One untimed pass each: connections opened, statements prepared, code jitted.
        await big(0);
        await small(0);
        var (onBig, onSmall) = (new List<double>(), new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var first in round % 2 == 0 ? new[] { true, false } : [false, true])
            {
                (first ? onBig : onSmall).Add(await MicrosecondsPerCallAsync(first ? big : small, ops, round));
            }
        }

        var (b, s) = (Median(onBig), Median(onSmall));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {b:N0} µs | {s:N0} µs | {b / s:F2}x | {goal} |"));
    }

    public static async Task<double> MicrosecondsPerCallAsync(Func<int, Task> call, int ops, int round)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++)
        {
            await call((round * ops) + i);
        }

        return clock.Elapsed.TotalMicroseconds / ops;
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
