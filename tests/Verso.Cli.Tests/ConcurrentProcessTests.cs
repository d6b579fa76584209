using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>Separate <c>verso</c> processes writing one SQLite file at once, as scripts and CI jobs do.</summary>
public sealed class ConcurrentProcessTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task EightProcessesSavingToOneEntityEndGaplessWithEveryContentOnce()
    {
        const int Processes = 8;
        const int SavesEach = 20;
        await _verso.InitializedAsync();
        for (var p = 0; p < Processes; p++)
        {
            for (var i = 0; i < SavesEach; i++)
            {
                _verso.WriteFile($"in/{p}-{i}.json", $$"""{"writer":{{p}},"save":{{i}}}""");
            }
        }

        var failures = await Task.WhenAll(Enumerable.Range(0, Processes).Select(async p =>
        {
            var failed = new List<string>();
            for (var i = 0; i < SavesEach; i++)
            {
                var result = await VersoProcess.RunAsync(_verso.Directory.Path, null, "save", "--new-kind", "note", "alice", $"in/{p}-{i}.json", "--by", $"writer-{p}");
                if (result.ExitCode != 0)
                {
                    failed.Add(result.ToString());
                }
            }

            return failed;
        }));

        Assert.Empty(failures.SelectMany(f => f));
        var log = (await _verso.RunAsync("--json", "log", "note/alice", "--limit", "1000")).Json();
        Assert.Equal(Enumerable.Range(1, Processes * SavesEach).Reverse(), log.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(Processes * SavesEach, log.EnumerateArray().Select(v => v.GetProperty("hash").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task ARealProcessReportsExitCodesAndOneLineErrors()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");

        var created = await VersoProcess.RunAsync(_verso.Directory.Path, null, "save", "--new-kind", "note", "alice", "a.json", "--by", "ops");
        var conflict = await VersoProcess.RunAsync(_verso.Directory.Path, null, "save", "--new-kind", "note", "alice", "a.json", "--by", "ops", "--expect", "5");
        var missing = await VersoProcess.RunAsync(_verso.Directory.Path, null, "show", "note/bob");

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("created note/alice@1 sha256:", created.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, conflict.ExitCode);
        Assert.Equal(4, missing.ExitCode);
        Assert.Single(missing.Stderr.TrimEnd('\n').Split('\n'));
    }
}
