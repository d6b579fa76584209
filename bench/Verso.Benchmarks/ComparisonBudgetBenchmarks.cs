using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using DiffPlex;
using Verso.Documents.Diff;
using Verso.Errors;
using Verso.Testing.Support;

namespace Verso.Benchmarks;

/// <summary>
/// Bounded work per comparison: how long the shuffled 40,000-line record takes to be refused at the default
/// budget (DiffPlex, used before, needed about 35 s for it), and Verso's budgeted line diff next to DiffPlex
/// on inputs both finish: a 2,000-line charter with scattered edits and 3,000 shuffled lines.
/// </summary>
[Config(typeof(ShortRunWithDiffPlex))]
public class ComparisonBudgetBenchmarks
{
    private readonly Differ _diffPlex = new();
    private string _original40K = "";
    private string _shuffled40K = "";
    private string _charter = "";
    private string _editedCharter = "";
    private string _original3K = "";
    private string _shuffled3K = "";

    [GlobalSetup]
    public void SetUp()
    {
        (_original40K, _shuffled40K) = (ShuffledProse.Original(40_000), ShuffledProse.Shuffled(40_000));
        (_original3K, _shuffled3K) = (ShuffledProse.Original(3_000), ShuffledProse.Shuffled(3_000));
        _charter = ShuffledProse.Original(2_000);
        var lines = _charter.Split('\n');
        for (var i = 7; i < 2_000; i += 97)
        {
            lines[i] = lines[i].Replace("says", "now says", StringComparison.Ordinal);
        }

        _editedCharter = string.Join('\n', lines);
        Console.WriteLine($"// 40,000 lines: {_original40K.Length} bytes");
    }

    /// <summary>Steps spent until the refusal (the time is the benchmark's).</summary>
    [Benchmark]
    public long VersoShuffled40000LinesRefusedAtDefaultBudget()
    {
        var budget = new ComparisonBudget();
        try
        {
            TextDiffer.Compute(_original40K, _shuffled40K, budget: budget);
        }
        catch (ComparisonTooLargeException)
        {
        }

        return budget.Spent;
    }

    [Benchmark]
    public int VersoCharter2000LinesEdited() => TextDiffer.Compute(_charter, _editedCharter).Hunks.Length;

    [Benchmark]
    public int DiffPlexCharter2000LinesEdited() => _diffPlex.CreateLineDiffs(_charter, _editedCharter, false).DiffBlocks.Count;

    [Benchmark]
    public int VersoShuffled3000Lines() => TextDiffer.Compute(_original3K, _shuffled3K).Hunks.Length;

    [Benchmark]
    public int DiffPlexShuffled3000Lines() => _diffPlex.CreateLineDiffs(_original3K, _shuffled3K, false).DiffBlocks.Count;

    /// <summary>DiffPlex 1.4.4's assembly is built without optimizations; it is measured as Verso shipped it.</summary>
    public sealed class ShortRunWithDiffPlex : ManualConfig
    {
        public ShortRunWithDiffPlex()
        {
            AddJob(Job.ShortRun);
            WithOptions(ConfigOptions.DisableOptimizationsValidator);
        }
    }
}
