using System.Globalization;

namespace Verso.Compare;

// Runs two measurements of one pair interleaved (A B, B A, A B, …), so drift on a shared machine hits
// both alike, and reports medians and their ratio. Each measurement checks its own result and throws
// when it is wrong, so a fast wrong answer never makes it into a figure.
internal static class SideBySide
{
    public static async Task<Row> RunAsync(string pair, string unit, bool higherIsBetter, int repeats, Side a, Side b)
    {
        var (first, second) = (new List<double>(), new List<double>());
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            if (repeat % 2 == 0)
            {
                first.Add(await a.Measure());
                second.Add(await b.Measure());
            }
            else
            {
                second.Add(await b.Measure());
                first.Add(await a.Measure());
            }
        }

        var row = new Row(pair, a.Name, Median(first), b.Name, Median(second), unit, higherIsBetter);
        Console.WriteLine(row);
        return row;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>One side of a pair: a name and a measurement that returns its figure.</summary>
internal sealed record Side(string Name, Func<Task<double>> Measure);

/// <summary>A pair's medians and the ratio of the first to the second (as "how many times as good").</summary>
internal sealed record Row(string Pair, string A, double AValue, string B, double BValue, string Unit, bool HigherIsBetter)
{
    public double Ratio => HigherIsBetter ? AValue / BValue : BValue / AValue;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Pair} | {A}: {AValue:N1} {Unit} | {B}: {BValue:N1} {Unit} | {Ratio:0.00}x |");
}
