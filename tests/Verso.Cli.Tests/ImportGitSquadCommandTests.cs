using Verso.Cli.Tests.Support;
using Verso.Testing.Git;

namespace Verso.Cli.Tests;

/// <summary>
/// <c>verso import-git REPO --squad</c> over a team that retired Keaton and cast Flight in its place, then
/// <c>log agent/flight --follow</c> and <c>status REPO --layout squad</c> over the same work tree.
/// </summary>
public sealed class ImportGitSquadCommandTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly VersoRunner _verso = new();
    private readonly GitTestRepository _repository = GitTestRepository.Create();

    public void Dispose()
    {
        _verso.Dispose();
        _repository.Dispose();
    }

    [Fact]
    public async Task ATeamImportsAtOnceTheRecastFollowsBackAndTheWorkTreeMatchesTheStore()
    {
        var (hired, reborn) = ScriptTeam();
        await _verso.InitializedAsync();

        var imported = (await _verso.RunAsync("--json", "import-git", _repository.Path, "--squad")).Json();
        var followed = (await _verso.RunAsync("--json", "log", "agent/flight", "--follow")).Json();
        var plain = (await _verso.RunAsync("--json", "log", "agent/flight")).Json();
        var table = await _verso.RunAsync("log", "agent/flight", "--follow");
        var clean = await _verso.RunAsync("status", _repository.Path, "--layout", "squad");
        File.AppendAllText(Path.Combine(_repository.Path, ".squad/agents/baer/charter.md"), "- edited by hand\n");
        var drift = await _verso.RunAsync("--json", "status", _repository.Path, "--layout", "squad");

        Assert.Equal(0, imported.GetProperty("shadowed").GetArrayLength());
        Assert.Equal(2, imported.GetProperty("entities").GetProperty("agent/keaton").GetInt32());
        Assert.Equal(1, imported.GetProperty("entities").GetProperty("squad-file/team.md").GetInt32());
        Assert.Equal(1, imported.GetProperty("entities").GetProperty("decision/2026-06-01-flight-takes-the-lead").GetInt32());
        Assert.Equal(["agent/flight@1", "agent/keaton@2", "agent/keaton@1"], followed.EnumerateArray().Select(v => v.GetProperty("ref").GetString()));
        Assert.Equal([reborn, reborn, hired], followed.EnumerateArray().Select(v => v.GetProperty("source").GetProperty("commit").GetString()));
        Assert.Equal(["agent/flight@1"], plain.EnumerateArray().Select(v => v.GetProperty("ref").GetString()));
        Assert.Contains("agent/keaton@1", table.Stdout, StringComparison.Ordinal);
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal(1, drift.ExitCode);
        Assert.Contains(".squad/agents/baer/charter.md", drift.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(".squad/agents/_alumni/keaton/charter.md\",\"status\":\"missing", drift.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--squad", "--path", "**/charter.md")]
    [InlineData("--squad", "--kind", "agent")]
    [InlineData("--squad", "--format", "json")]
    [InlineData("--kind", "agent")]
    public async Task SquadTakesNoPathKindOrFormatAndAPlainImportNeedsBoth(params string[] args)
    {
        ScriptTeam();
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync(["import-git", _repository.Path, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    private (string Hired, string Reborn) ScriptTeam()
    {
        var hired = _repository.Write(".squad/agents/keaton/charter.md", "# Keaton — Lead\n\n> Keeps the plan.\n")
            .Write(".squad/agents/baer/charter.md", "# Baer — Ops\n\n> Keeps it running.\n")
            .Write(".squad/team.md", "# Team\n\n- Keaton\n- Baer\n")
            .Commit("Hire Keaton and Baer", TestAuthor.Alice, Day1);
        _repository.Write(".squad/agents/keaton/charter.md", "# Keaton — Lead\n\n> Keeps the plan, and the retro.\n")
            .Move(".squad/agents/keaton/charter.md", ".squad/agents/_alumni/keaton/charter.md")
            .Write(".squad/agents/flight/charter.md", "# Flight — Lead\n\n> Flies the plan.\n")
            .Write(".squad/casting/registry.json", "{\"agents\": {\"flight\": {\"persistent_name\": \"Flight\", \"previous_name\": \"Keaton\"}}}\n")
            .Write(".squad/decisions.md", "# Decisions\n\n### 2026-06-01: Flight takes the lead\n\n**By:** Flight (Lead) + Brady (via Copilot)\n");
        var reborn = _repository.Commit("Team rebirth", TestAuthor.Bob, Day1.AddDays(1));
        return (hired, reborn);
    }
}
