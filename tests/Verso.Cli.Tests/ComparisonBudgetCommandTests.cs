using Verso.Cli.Tests.Support;
using Verso.Testing.Support;

namespace Verso.Cli.Tests;

/// <summary>
/// diff, blame, merge and compat stop at their work budget with one line and exit 2, saying the budget and
/// how to raise it; a bad budget is refused the same way.
/// </summary>
public sealed class ComparisonBudgetCommandTests : IDisposable
{
    private const string TooLarge = "verso: too large to compare: the comparison needs more than its budget of 20000000 steps; raise it with --diff-budget STEPS or $VERSO_DIFF_BUDGET";

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task AShuffledFortyThousandLineRecordIsTooLargeToDiffBlameMergeOrCompare()
    {
        await SaveAsync(40_000);

        foreach (var args in new[]
        {
            new[] { "diff", "note/prose@1", "note/prose@2" },
            ["blame", "note/prose@2"],
            ["compat", "note/prose@1", "note/prose@2"],
            ["merge", "note/prose", "--base", "1", "--ours", "2", "--theirs", "3", "--by", "ops"],
        })
        {
            var result = await _verso.RunAsync([.. args, "--diff-budget", "20000000"]);

            Assert.True(result.ExitCode == 2, $"{string.Join(' ', args)}: {result}");
            Assert.Equal(TooLarge, result.Stderr.TrimEnd('\n'));
            Assert.Empty(result.Stdout);
        }

        Assert.Equal(3, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task TheBudgetComesFromTheEnvironmentAndJsonSaysBadInput()
    {
        await SaveAsync(40_000);
        _verso.WithEnvironment("VERSO_DIFF_BUDGET", "20000000");

        var result = await _verso.RunAsync("--json", "diff", "note/prose@1", "note/prose@2");

        Assert.Equal(2, result.ExitCode);
        var error = result.Json().GetProperty("error");
        Assert.Equal("bad_input", error.GetProperty("category").GetString());
        Assert.StartsWith("too large to compare", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaisingTheBudgetLetsTheSameDiffAnswer()
    {
        await SaveAsync(2_000);

        var refused = await _verso.RunAsync("diff", "note/prose@1", "note/prose@2", "--format", "json", "--diff-budget", "100000");
        var answered = await _verso.RunAsync("diff", "note/prose@1", "note/prose@2", "--format", "json", "--diff-budget", "100000000");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("budget of 100000 steps", refused.Stderr, StringComparison.Ordinal);
        Assert.True(answered.ExitCode == 0, answered.ToString());
        Assert.Equal("/charter", Assert.Single(answered.Json().EnumerateArray()).GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("--diff-budget", "0", null, "verso: --diff-budget takes a number of steps from 1, not 0")]
    [InlineData(null, null, "lots", "verso: $VERSO_DIFF_BUDGET takes a number of steps from 1, not 'lots'")]
    [InlineData(null, null, "-5", "verso: $VERSO_DIFF_BUDGET takes a number of steps from 1, not '-5'")]
    public async Task ABadBudgetIsOneLineAndExitTwo(string? option, string? value, string? variable, string expected)
    {
        await SaveAsync(3);
        if (variable is not null)
        {
            _verso.WithEnvironment("VERSO_DIFF_BUDGET", variable);
        }

        var result = await _verso.RunAsync(option is null ? ["diff", "note/prose@1", "note/prose@2"] : ["diff", "note/prose@1", "note/prose@2", option, value!]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, result.Stderr.TrimEnd('\n'));
    }

    // Three versions: the prose, the same lines shuffled, and the prose with one more line.
    private async Task SaveAsync(int lines)
    {
        await _verso.InitializedAsync();
        var original = ShuffledProse.Original(lines);
        foreach (var charter in new[] { original, ShuffledProse.Shuffled(lines), original + "One more line.\n" })
        {
            _verso.WriteFile("v.json", ShuffledProse.Agent(charter));
            var result = await _verso.RunAsync("save", "note", "prose", "v.json", "--by", "ops", "--new-kind");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }
}
