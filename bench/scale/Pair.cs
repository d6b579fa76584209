using System.Diagnostics;
using System.Globalization;

namespace Verso.Scale;

// One operation on the big store beside the same on the store of one entity: rounds alternate which goes first
// (ABBA), each times `ops` calls; the medians of the per-call means are compared.
internal static class Pair
{
    // With bigHot, a third side: the big store asked about one entity over and over, as the small store is, so
    // the store's size is separated from the cache misses of reading a different entity each time.
    public static async Task RunAsync(string name, int ops, int rounds, string goal, Func<int, Task> big, Func<int, Task> small, Func<int, Task>? bigHot = null)
    {
        Func<int, Task>[] sides = bigHot is null ? [big, small] : [big, small, bigHot];
        var times = sides.Select(_ => new List<double>()).ToArray();
        foreach (var side in sides)
        {
            // One untimed pass each: connections opened, statements prepared, code jitted.
            await side(0);
        }

        for (var round = 0; round < rounds; round++)
        {
            // Each round in another order, so drift falls on every side.
            var order = Enumerable.Range(0, sides.Length).Select(k => (k + round) % sides.Length);
            foreach (var k in order)
            {
                times[k].Add(await MicrosecondsPerCallAsync(sides[k], ops, round));
            }
        }

        var (b, s) = (Median(times[0]), Median(times[1]));
        var hot = bigHot is null ? "— | —" : string.Create(CultureInfo.InvariantCulture, $"{Median(times[2]):N0} µs | {Median(times[2]) / s:F2}x");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {b:N0} µs | {s:N0} µs | {b / s:F2}x | {hot} | {goal} |"));
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
