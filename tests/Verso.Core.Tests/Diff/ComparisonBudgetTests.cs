using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Blame;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Errors;
using Verso.Documents.Merge;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Support;

namespace Verso.Core.Tests.Diff;

/// <summary>
/// Diff, blame and merge do bounded work: a reordered 40,000-line text stops at its budget instead of
/// running for minutes, and a cancelled token stops a comparison while it runs.
/// </summary>
public sealed class ComparisonBudgetTests
{
    private const int Lines = 40_000;
    private static readonly string Original = ShuffledProse.Original(Lines);
    private static readonly string Shuffled = ShuffledProse.Shuffled(Lines);

    [Fact]
    public void AShuffledFortyThousandLineTextStopsAtTheDefaultBudget()
    {
        var budget = new ComparisonBudget();

        var refused = Assert.Throws<ComparisonTooLargeException>(() => TextDiffer.Compute(Original, Shuffled, budget: budget));

        Assert.Equal(ComparisonBudget.DefaultMaxSteps, refused.MaxSteps);
        Assert.Equal(ErrorCategory.BadInput, refused.Category);
        Assert.Contains("budget of 100000000 steps", refused.Message, StringComparison.Ordinal);
        // It stopped at the budget: past it by at most the one diagonal it was following.
        Assert.InRange(budget.Spent, budget.MaxSteps + 1, budget.MaxSteps + (2L * Lines) + 1);
    }

    [Fact]
    public void ASmallEditOfAFortyThousandLineTextCostsLittle()
    {
        var edited = Original.Replace("Line 20000 says", "Line 20000 now says", StringComparison.Ordinal);
        var budget = new ComparisonBudget(1_000_000);

        var diff = TextDiffer.Compute(Original, edited, budget: budget);

        var hunk = Assert.Single(diff.Hunks);
        Assert.Equal(20_000 - 3, hunk.OldStart);
        Assert.True(budget.Spent < 200_000, $"spent {budget.Spent}");
    }

    [Fact]
    public void TheJsonDiffOfARecordWithAShuffledCharterIsRefused()
    {
        var before = JsonNode.Parse(ShuffledProse.Agent(Original));
        var after = JsonNode.Parse(ShuffledProse.Agent(Shuffled));

        Assert.Throws<ComparisonTooLargeException>(() => JsonDiff.Compute(before, after, budget: new ComparisonBudget(10_000_000)));
        Assert.Throws<ComparisonTooLargeException>(() => JsonMerge.Merge(
            before, after, JsonNode.Parse(ShuffledProse.Agent(Original + "More.\n")), budget: new ComparisonBudget(10_000_000)));
    }

    [Fact]
    public void TheDiffAndPatchOfAShuffledArrayAreRefused()
    {
        var items = Enumerable.Range(0, 2000).ToArray();
        var before = new JsonArray([.. items.Select(i => (JsonNode)i)]);
        new Random(3).Shuffle(items);
        var after = new JsonArray([.. items.Select(i => (JsonNode)i)]);

        Assert.Throws<ComparisonTooLargeException>(() => JsonDiff.Compute(before, after, budget: new ComparisonBudget(1_000_000)));
        Assert.Throws<ComparisonTooLargeException>(() => JsonPatchBuilder.Create(before, after, budget: new ComparisonBudget(1_000_000)));
        // Within the default budget the same arrays diff as they always did.
        Assert.NotEmpty(JsonDiff.Compute(before, after));
    }

    [Fact]
    public void AMergeOfShuffledTextsIsRefused()
    {
        Assert.Throws<ComparisonTooLargeException>(() => TextMerge.Merge3(Original, Shuffled, Original + "More.\n", new ComparisonBudget(10_000_000)));
    }

    [Fact]
    public void EveryDiffOfABlameSpendsFromOneBudget()
    {
        // Three versions of 2,000 lines: v2 reorders v1, v3 reorders v2 again; each diff is affordable alone.
        var history = History(ShuffledProse.Original(2000), ShuffledProse.Shuffled(2000, seed: 1), ShuffledProse.Shuffled(2000, seed: 2));
        var whole = new ComparisonBudget(long.MaxValue);
        JsonBlame.Compute(history, budget: whole);
        var first = new ComparisonBudget(long.MaxValue);
        TextDiffer.Compute(ShuffledProse.Original(2000), ShuffledProse.Shuffled(2000, seed: 1), budget: first);

        Assert.True(whole.Spent > first.Spent * 3 / 2, $"blame {whole.Spent}, one diff {first.Spent}");
        Assert.Throws<ComparisonTooLargeException>(() => JsonBlame.Compute(history, budget: new ComparisonBudget(whole.Spent - 1)));
        Assert.NotEmpty(JsonBlame.Compute(history, budget: new ComparisonBudget(whole.Spent)));
    }

    [Fact]
    public void CancellingTheTokenStopsARunningDiff()
    {
        using var cancellation = new CancellationTokenSource();
        var budget = new ComparisonBudget(long.MaxValue, cancellation.Token);

        var thrown = CancelOnceRunning(budget, cancellation, () => TextDiffer.Compute(Original, Shuffled, budget: budget));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
        Assert.True(budget.Spent < 1_000_000_000, $"spent {budget.Spent}: the diff (billions of steps) did not run to its end");
    }

    [Fact]
    public void CancellingTheTokenStopsARunningBlame()
    {
        using var cancellation = new CancellationTokenSource();
        var budget = new ComparisonBudget(long.MaxValue, cancellation.Token);
        var history = History(Original, Shuffled);

        var thrown = CancelOnceRunning(budget, cancellation, () => JsonBlame.Compute(history, budget: budget));

        Assert.IsAssignableFrom<OperationCanceledException>(thrown);
    }

    [Fact]
    public void AnAlreadyCancelledTokenStopsBeforeAnyWork()
    {
        var budget = new ComparisonBudget(cancellationToken: new CancellationToken(canceled: true));

        Assert.ThrowsAny<OperationCanceledException>(() => TextDiffer.Compute("a\n", "b\n", budget: budget));
        Assert.Equal(0, budget.Spent);
    }

    // Runs the comparison on another thread, cancels once it has spent some of its budget (so it is inside its
    // loops, not at its entry), and returns what it threw; no clock is involved.
    private static Exception? CancelOnceRunning(ComparisonBudget budget, CancellationTokenSource cancellation, Action compare)
    {
        var running = Task.Factory.StartNew(compare, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        while (budget.Spent < 1_000_000 && !running.IsCompleted)
        {
            Thread.Yield();
        }

        cancellation.Cancel();
        return Record.Exception(() => running.GetAwaiter().GetResult());
    }

    private static List<Snapshot> History(params string[] charters)
    {
        var key = EntityKey.Create("agent", "prose");
        return [.. charters.Select((charter, i) =>
        {
            var document = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(ShuffledProse.Agent(charter)));
            return new Snapshot(key, i + 1, document.Hash, document.Utf8, "tester", Some.Instant.AddHours(i), null, VersionOperation.Save, 1);
        })];
    }
}
