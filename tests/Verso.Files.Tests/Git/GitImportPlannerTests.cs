using Verso.Testing.Git;
using System.Text;
using Verso.Errors;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;

namespace Verso.Files.Tests.Git;

public sealed class GitImportPlannerTests
{
    [Fact]
    public async Task ASquadCharterThatMovesToTheAlumniStaysOneEntity()
    {
        using var repository = GitTestRepository.Create();
        var c1 = repository.Write(".ai-team/agents/x/charter.md", "# X\n").Write(".ai-team/decisions.md", "none yet\n")
            .Commit("Hire x", TestAuthor.Alice, ScriptedHistory.At(0));
        repository.Move(".ai-team", ".squad");
        repository.Commit("Squad 0.5 layout", TestAuthor.Bob, ScriptedHistory.At(1));
        repository.Move(".squad/agents/x", ".squad/agents/_alumni/x");
        repository.Commit("x retires", TestAuthor.Bob, ScriptedHistory.At(2));
        var c4 = repository.Write(".squad/agents/_alumni/x/charter.md", "# X, retired\n").Commit("Note the retirement", TestAuthor.Zoe, ScriptedHistory.At(3));

        var plan = await PlanAsync(repository, EntityIdRule.SquadCharterFolder, "**/charter.md", "**/decisions.md");

        var steps = plan.SelectMany(p => p.Steps).ToList();
        Assert.Equal([(c1, ".ai-team/agents/x/charter.md", "# X\n"), (c4, ".squad/agents/_alumni/x/charter.md", "# X, retired\n")],
            steps.Select(s => (s.Commit.Id, s.Path, Encoding.UTF8.GetString(s.Content.Span))));
        Assert.All(steps, s => Assert.Equal("agent/x", s.Key.ToString()));
        Assert.DoesNotContain(steps, s => s.Deleted);
        // Every new content of a followed file that names no entity is reported, at each of its paths.
        var skipped = plan.SelectMany(p => p.Skipped).ToList();
        Assert.Equal([(c1, ".ai-team/decisions.md"), (plan[1].Commit.Id, ".squad/decisions.md")], skipped.Select(s => (s.Commit, s.Path)));
        Assert.All(skipped, s => Assert.Contains("not a charter.md", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACopyThenDeleteOfTheOldPathIsNoDeletionButTheLastFileGoingIs()
    {
        using var repository = GitTestRepository.Create();
        repository.Write(".ai-team/agents/y/charter.md", "# Y\n").Commit("Hire y", TestAuthor.Alice, ScriptedHistory.At(0));
        repository.Write(".squad/agents/y/charter.md", "# Y\n").Commit("Copy to .squad", TestAuthor.Alice, ScriptedHistory.At(1));
        repository.Delete(".ai-team/agents/y/charter.md").Commit("Drop .ai-team", TestAuthor.Alice, ScriptedHistory.At(2));
        var gone = repository.Delete(".squad/agents/y/charter.md").Commit("y leaves", TestAuthor.Bob, ScriptedHistory.At(3));

        var plan = await PlanAsync(repository, EntityIdRule.SquadCharterFolder, "**/charter.md");

        Assert.Equal([1, 0, 0, 1], plan.Select(p => p.Steps.Length));
        var deletion = plan[^1].Steps.Single();
        Assert.True(deletion.Deleted);
        Assert.Equal((gone, ".squad/agents/y/charter.md"), (deletion.Commit.Id, deletion.Path));
        Assert.Equal(deletion.Source, new Verso.Model.Snapshots.VersionSource(gone, ".squad/agents/y/charter.md", Deleted: true));
        Assert.True(deletion.Content.IsEmpty);
    }

    [Fact]
    public async Task TwoFilesWithDifferentContentNamingOneEntityStopThePlanNamingBoth()
    {
        using var repository = GitTestRepository.Create();
        var commit = repository.Write("a/alice.json", "{\"n\":1}").Write("b/alice.json", "{\"n\":2}").Commit("Two alices", TestAuthor.Alice, ScriptedHistory.At(0));

        var exception = await Assert.ThrowsAsync<AmbiguousEntityPathsException>(() => PlanAsync(repository, EntityIdRule.FileName, "**/*.json"));

        Assert.Equal(ErrorCategory.BadInput, exception.Category);
        Assert.Equal(commit, exception.Commit);
        Assert.Equal(["a/alice.json", "b/alice.json"], exception.Paths.ToArray());
        Assert.Contains("'a/alice.json' and 'b/alice.json'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APathWhoseIdBreaksTheIdRuleIsSkippedWithTheRuleAsReason()
    {
        using var history = ScriptedHistory.Build();

        var plan = await PlanAsync(history.Repository, EntityIdRule.FileName, "agents/**/*.json");

        var skip = Assert.Single(plan.SelectMany(p => p.Skipped));
        Assert.Equal((history.Commits["c3"], "agents/bad name.json"), (skip.Commit, skip.Path));
        Assert.Contains("invalid entity id 'bad name'", skip.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StepsCarryTheFilesExactBytes()
    {
        using var repository = GitTestRepository.Create();
        repository.Write("raw/crlf.txt", Encoding.UTF8.GetBytes("a\r\nb\r\n"))
            .Write("raw/bare.txt", Encoding.UTF8.GetBytes("no final newline"))
            .Write("raw/latin1.txt", [0x63, 0x61, 0x66, 0xE9])
            .Write("raw/Zoë Ünal/zoe.txt", Encoding.UTF8.GetBytes("ü\n"));
        repository.Commit("bytes", TestAuthor.Alice, ScriptedHistory.At(0));

        var plan = await PlanAsync(repository, EntityIdRule.FileName, "raw/**");

        var steps = Assert.Single(plan).Steps;
        Assert.Equal(["bare", "crlf", "latin1", "zoe"], steps.Select(s => s.Key.Id));
        Assert.Equal("raw/Zoë Ünal/zoe.txt", steps[^1].Path);
        foreach (var step in steps)
        {
            Assert.Equal(repository.GitBytes("show", $"{step.Commit.Id}:{step.Path}"), step.Content.ToArray());
        }
    }

    [Theory]
    [InlineData("agents/alice.yaml", "alice")]
    [InlineData("roles/lead.v2.json", "lead.v2")]
    [InlineData("README", "README")]
    [InlineData(".hidden", ".hidden")]
    public void TheFileNameRuleDropsTheLastExtension(string path, string id) => Assert.Equal(id, EntityIdRule.FileName.IdOf(path));

    [Theory]
    [InlineData(".squad/agents/_alumni/x/charter.md", "x")]
    [InlineData(".ai-team/agents/x/charter.md", "x")]
    [InlineData(".squad/decisions.md", null)]
    [InlineData("charter.md", null)]
    public void TheSquadRuleNamesTheFolderHoldingTheCharter(string path, string? id) => Assert.Equal(id, EntityIdRule.SquadCharterFolder.IdOf(path));

    private static async Task<List<GitPlannedCommit>> PlanAsync(GitTestRepository repository, EntityIdRule rule, params string[] globs)
    {
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        var walker = new GitHistoryWalker(opened, globs.Select(PathGlob.Parse));
        var planner = new GitImportPlanner(opened, "agent", rule);
        var plan = new List<GitPlannedCommit>();
        var commits = await walker.ListCommitsAsync();
        await foreach (var planned in planner.PlanAsync(commits, walker.WalkAsync(commits)))
        {
            plan.Add(planned);
        }

        return plan;
    }
}
