using System.Text.Json;
using Verso.Cli.Tests.Support;
using Verso.Testing.Git;

namespace Verso.Cli.Tests;

/// <summary>
/// A Squad team's history in a real git repository: charters edited by different people, moved to the
/// alumni, and a decision in the inbox, imported with <c>verso import-git</c> and read back as history.
/// </summary>
public sealed class ImportGitCommandTests : IDisposable
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TestAuthor Carol = new("Carol Chen", "carol@example.org");

    private readonly VersoRunner _verso = new();
    private readonly GitTestRepository _repository = GitTestRepository.Create();

    public void Dispose()
    {
        _verso.Dispose();
        _repository.Dispose();
    }

    [Fact]
    public async Task ChartersKeepWhoChangedThemWhenAndFromWhichCommitAndDecisionsPinTheCharterThenInForce()
    {
        var (first, second, _, decided) = ScriptTeam();
        await _verso.InitializedAsync();

        var agents = (await _verso.RunAsync("--json", "import-git", _repository.Path, "--path", "**/agents/**/charter.md", "--kind", "agent", "--format", "squad")).Json();
        var decisions = (await _verso.RunAsync("--json", "import-git", _repository.Path, "--path", "**/decisions/inbox/*.md", "--kind", "decision", "--format", "squad")).Json();
        var log = (await _verso.RunAsync("--json", "log", "agent/ripley")).Json().EnumerateArray().Reverse().ToArray();
        var decision = (await _verso.RunAsync("--json", "show", "decision/inbox-ripley-cors")).Json();
        var referrers = await _verso.RunAsync("refs", "agent/ripley@2");
        var again = (await _verso.RunAsync("--json", "import-git", _repository.Path, "--path", "**/agents/**/charter.md", "--kind", "agent", "--format", "squad")).Json();

        Assert.Equal((4, 2), (agents.GetProperty("commits").GetInt32(), agents.GetProperty("created").GetInt32()));
        Assert.Equal(1, decisions.GetProperty("created").GetInt32());
        Assert.Equal(2, log.Length);
        Assert.Equal(
            [("Alice Archer <alice@example.org>", "2026-03-01T09:00:00Z", "Hire Ripley", first, ".ai-team/agents/ripley/charter.md"),
             ("Bob Brandt <bob@example.org>", "2026-03-02T09:00:00Z", "Ripley owns CORS now", second, ".ai-team/agents/ripley/charter.md")],
            log.Select(v => (v.GetProperty("saved_by").GetString(), v.GetProperty("saved_at").GetString(), v.GetProperty("message").GetString(),
                v.GetProperty("source").GetProperty("commit").GetString(), v.GetProperty("source").GetProperty("path").GetString())));
        Assert.All(log, v => Assert.Equal("import", v.GetProperty("operation").GetString()));
        Assert.Equal(Charter("Owns the API and its CORS policy."), await ShowCharterAsync("agent/ripley"));
        Assert.Equal(Charter("Owns the API."), await ShowCharterAsync("agent/ripley@1"));
        var pin = Assert.Single(decision.GetProperty("content").GetProperty("pinned_charters").EnumerateArray());
        Assert.Equal("agent/ripley@2", pin.GetProperty("ref").GetString());
        Assert.Equal(decided, decision.GetProperty("source").GetProperty("commit").GetString());
        Assert.Contains("decision/inbox-ripley-cors@1", referrers.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, again.GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task TheHistoryImportedReadsAsOfATimeAndBlamesItsAuthors()
    {
        ScriptTeam();
        await _verso.InitializedAsync();
        await _verso.RunAsync("import-git", _repository.Path, "--path", "**/charter.md", "--kind", "agent", "--format", "squad");

        var asOf = (await _verso.RunAsync("--json", "show", "agent/ripley@{2026-03-01T23:00:00Z}")).Json();
        var blame = await _verso.RunAsync("blame", "agent/ripley");

        Assert.Equal(1, asOf.GetProperty("version").GetInt32());
        Assert.Contains("Bob Brandt", blame.Stdout, StringComparison.Ordinal);
        Assert.Contains("Alice Archer", blame.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--path", "", "--kind", "agent")]
    [InlineData("--path", "/etc/*", "--kind", "agent")]
    [InlineData("--path", "*.md", "--kind", "Not A Kind")]
    [InlineData("--path", "*.md", "--kind", "workflow", "--format", "squad")]
    public async Task BadArgumentsExitTwoWithOneLineAndImportNothing(params string[] args)
    {
        ScriptTeam();
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync(["import-git", _repository.Path, .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task ADeletedFileIsAnEmptyVersionTheLogNamesAndExportLeavesOut()
    {
        _repository.Write("notes/keep.json", """{"n":1}""").Write("notes/gone.json", """{"n":2}""").Commit("Add notes", TestAuthor.Alice, Day1);
        _repository.Delete("notes/gone.json").Commit("Drop gone", TestAuthor.Bob, Day1.AddDays(1));
        await _verso.InitializedAsync();

        var imported = (await _verso.RunAsync("--json", "import-git", _repository.Path, "--path", "notes/*.json", "--kind", "note")).Json();
        var head = (await _verso.RunAsync("--json", "show", "note/gone")).Json();
        var log = await _verso.RunAsync("log", "note/gone");
        var export = await _verso.RunAsync("export", "out");

        Assert.Equal((3, 1), (imported.GetProperty("created").GetInt32(), imported.GetProperty("deletions").GetInt32()));
        Assert.Equal("{}", head.GetProperty("content").GetRawText());
        Assert.True(head.GetProperty("source").GetProperty("deleted").GetBoolean());
        Assert.Contains("Drop gone [deleted notes/gone.json]", log.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, export.ExitCode);
        Assert.True(File.Exists(_verso.PathOf("out/note/keep.yaml")));
        Assert.False(File.Exists(_verso.PathOf("out/note/gone.yaml")));
    }

    [Fact]
    public async Task AFolderThatIsNoRepositoryIsBadInput()
    {
        await _verso.InitializedAsync();
        Directory.CreateDirectory(_verso.PathOf("plain"));

        var result = await _verso.RunAsync("import-git", _verso.PathOf("plain"), "--path", "*.json", "--kind", "note");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a git repository", result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    private (string First, string Second, string Moved, string Decided) ScriptTeam()
    {
        var first = _repository.Write(".ai-team/agents/ripley/charter.md", Charter("Owns the API.")).Commit("Hire Ripley", TestAuthor.Alice, Day1);
        var second = _repository.Write(".ai-team/agents/ripley/charter.md", Charter("Owns the API and its CORS policy.")).Commit("Ripley owns CORS now", TestAuthor.Bob, Day1.AddDays(1));
        var decided = _repository.Write(".ai-team/decisions/inbox/ripley-cors.md", "### 2026-03-03: CORS allows the web app only\n**By:** Ripley\n**What:** one origin.\n")
            .Commit("Decide CORS", Carol, Day1.AddDays(2));
        var moved = _repository.Move(".ai-team/agents/ripley/charter.md", ".squad/agents/_alumni/ripley/charter.md").Commit("Ripley moves on", Carol, Day1.AddDays(3));
        return (first, second, moved, decided);
    }

    private static string Charter(string owns) =>
        $"# Ripley — Backend Dev\n\n> Keeps the API honest.\n\n## Identity\n\n- **Name:** Ripley\n- **Role:** Backend Dev\n\n## What I Own\n\n- {owns}\n";

    private async Task<string> ShowCharterAsync(string reference) =>
        JsonDocument.Parse((await _verso.RunAsync("show", reference)).Stdout).RootElement.GetProperty("charter").GetString()!;
}
