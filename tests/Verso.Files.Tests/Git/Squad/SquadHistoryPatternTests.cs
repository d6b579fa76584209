using System.Text;
using Verso.Files.Tests.Git.Support;
using Verso.Model.Lineage;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Git;

namespace Verso.Files.Tests.Git.Squad;

/// <summary>
/// Each pattern real Squad histories have, scripted with the real git in a few commits, imported with
/// <c>--squad</c>'s parts and checked against <c>git show</c> and <c>git log</c> (see <see cref="SquadFidelity"/>).
/// </summary>
public sealed class SquadHistoryPatternTests
{
    private static DateTimeOffset At(int hour) => new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero).AddHours(hour);

    internal static string Charter(string name, string skill) =>
        $"# {name} — Member\n\n> {name} keeps the team honest.\n\n## Identity\n\n- **Name:** {name}\n- **Role:** Member\n- **Expertise:** {skill}\n\n## How I Work\n\n- Reads the code first.\n- Writes the tests first.\n- Says no when it matters.\n";

    [Fact]
    public async Task TwoRootHistoriesMergedWithSameNamedAgentsEachKeepTheirOwnContents()
    {
        using var repository = GitTestRepository.Create();
        repository.Write(".ai-team/agents/edie/charter.md", Charter("Edie", "old")).Write(".ai-team/agents/baer/charter.md", Charter("Baer", "one"));
        var c1 = repository.Commit("First repository", TestAuthor.Alice, At(0));
        repository.Git("checkout", "-q", "--orphan", "rewrite");
        repository.Git("rm", "-rfq", ".");
        var r1 = repository.Write(".squad/agents/edie/charter.md", Charter("Edie", "new")).Commit("Rewrite starts", TestAuthor.Bob, At(1));
        var r2 = repository.Write(".squad/agents/edie/charter.md", Charter("Edie", "newer")).Commit("Rewrite goes on", TestAuthor.Zoe, At(2));
        repository.Git("checkout", "-q", "main");
        var c2 = repository.Write(".ai-team/agents/baer/charter.md", Charter("Baer", "two")).Commit("Baer learns", TestAuthor.Alice, At(3));
        repository.Run(TestAuthor.Bob, At(4), "merge", "-q", "--no-ff", "--allow-unrelated-histories", "-m", "Join the rewrite", "rewrite");
        var merge = repository.Head();
        var service = SquadFidelity.NewService();

        var summary = await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        Assert.Equal([c1, r1, r2], await CommitsOfAsync(service, "agent/edie"));
        // The rewrite's commits hold no baer: nothing of main's tree leaks into them as a deletion.
        Assert.Equal([c1, c2], await CommitsOfAsync(service, "agent/baer"));
        var shadow = Assert.Single(summary.Shadowed);
        Assert.Equal((merge, ".ai-team/agents/edie/charter.md", ".squad/agents/edie/charter.md"), (shadow.Commit, shadow.Path, shadow.ShadowedBy));
    }

    [Fact]
    public async Task AFolderDeletedAndReAddedAndBothFoldersAtOnceFollowThePrecedenceAtEveryCommit()
    {
        using var repository = GitTestRepository.Create();
        var c1 = repository.Write(".ai-team/agents/a/charter.md", Charter("A", "one")).Commit("Hire a", TestAuthor.Alice, At(0));
        var c2 = repository.Delete(".ai-team/agents/a/charter.md").Commit("guard: remove team state", TestAuthor.Bob, At(1));
        var c3 = repository.Write(".ai-team/agents/a/charter.md", Charter("A", "one")).Commit("Restore team state", TestAuthor.Alice, At(2));
        var c4 = repository.Write(".squad/agents/a/charter.md", Charter("A", "two")).Commit("Add .squad", TestAuthor.Zoe, At(3));
        var c5 = repository.Delete(".squad/agents/a/charter.md").Commit("Drop .squad", TestAuthor.Bob, At(4));
        var c6 = repository.Write(".squad/agents/a/charter.md", Charter("A", "two")).Commit("Re-add .squad the same day", TestAuthor.Zoe, At(5));
        var service = SquadFidelity.NewService();

        var summary = await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        var versions = await SquadFidelity.VersionsAsync(service, "agent/a");
        Assert.Equal([c1, c2, c3, c4, c5, c6], versions.Select(v => v.Source!.Commit));
        Assert.Equal(["one", null, "one", "two", "one", "two"], versions.Select(v => SquadFidelity.Member(v, "charter") is { } text ? text.Split("**Expertise:** ")[1].Split('\n')[0] : null));
        var shadow = Assert.Single(summary.Shadowed);
        Assert.Equal((c4, ".ai-team/agents/a/charter.md"), (shadow.Commit, shadow.Path));
    }

    [Fact]
    public async Task TwoFilesOfOneEntityThatNoRuleRanksStopTheImportNamingBothAndTheCommit()
    {
        using var repository = GitTestRepository.Create();
        var commit = repository.Write("one/a.json", "{\"v\": 1}").Write("two/a.json", "{\"v\": 2}").Commit("Two a's", TestAuthor.Alice, At(0));
        var service = ImportHarness.InMemory();

        var error = await Assert.ThrowsAsync<Verso.Files.Git.AmbiguousEntityPathsException>(() =>
            new Verso.Files.Git.GitHistoryImporter(service).ImportAsync(ImportHarness.JsonRequest(service, repository.Path, "one/*.json", "two/*.json")));

        Assert.Contains("'one/a.json' and 'two/a.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(commit[..12], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMoveToAlumniIsARetirementABranchEditOfTheActiveCharterStaysItsOwnAndTheRecastFollowsBack()
    {
        using var repository = GitTestRepository.Create();
        var c1 = repository.Write(".squad/agents/keaton/charter.md", Charter("Keaton", "lead")).Write(".squad/agents/baer/charter.md", Charter("Baer", "ops"))
            .Commit("Team of two", TestAuthor.Alice, At(0));
        repository.Git("branch", "side");
        repository.Move(".squad/agents/keaton/charter.md", ".squad/agents/_alumni/keaton/charter.md")
            .Write(".squad/agents/flight/charter.md", Charter("Flight", "lead"))
            .Write(".squad/casting/registry.json", "{\n  \"agents\": {\n    \"flight\": {\"persistent_name\": \"Flight\", \"previous_name\": \"Keaton\"}\n  }\n}\n");
        var c2 = repository.Commit("Team rebirth", TestAuthor.Bob, At(1));
        repository.Git("checkout", "-q", "side");
        var s1 = repository.Write(".squad/agents/keaton/charter.md", Charter("Keaton", "lead, review")).Commit("Keaton learns review", TestAuthor.Zoe, At(2));
        repository.Git("checkout", "-q", "main");
        repository.Merge("side", "Merge side", TestAuthor.Alice, At(3));
        var service = SquadFidelity.NewService();

        await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        Assert.Equal([c1, s1], await CommitsOfAsync(service, "agent/keaton"));
        var keaton = await SquadFidelity.VersionsAsync(service, "lineage/agent.keaton");
        Assert.Equal([(c1, "active"), (c2, "retired")], keaton.Select(v => (v.Source!.Commit, SquadFidelity.Member(v, "status"))));
        var lineage = new LineageReader(service.Store);
        Assert.Equal(new EntityLineage(EntityKey.Parse("agent/flight"), EntityLineage.Active, EntityKey.Parse("agent/keaton")), await lineage.GetAsync(EntityKey.Parse("agent/flight")));
        var followed = await lineage.GetHistoryAsync(EntityKey.Parse("agent/flight")).ToListAsync();
        Assert.Equal(["agent/flight@1", "agent/keaton@2", "agent/keaton@1"], followed.Select(s => s.Ref.ToString()));
        Assert.Equal(new[] { c2, s1, c1 }, followed.Select(s => s.Source!.Commit));
    }

    [Fact]
    public async Task AReskillCommitGivesEveryCharterItRewroteOneVersion()
    {
        using var repository = GitTestRepository.Create();
        var names = Enumerable.Range(0, 12).Select(i => $"Agent{i}").ToList();
        names.ForEach(n => repository.Write($".squad/agents/{n.ToLowerInvariant()}/charter.md", Charter(n, "basics")));
        var c1 = repository.Commit("Hire twelve", TestAuthor.Alice, At(0));
        names.ForEach(n => repository.Write($".squad/agents/{n.ToLowerInvariant()}/charter.md", Charter(n, "basics, reviews")));
        var c2 = repository.Commit("reskill: 12 charters", TestAuthor.Bob, At(1));
        var service = SquadFidelity.NewService();

        var summary = await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        foreach (var name in names)
        {
            Assert.Equal([c1, c2], await CommitsOfAsync(service, $"agent/{name.ToLowerInvariant()}"));
        }

        Assert.Equal(12 * 2, summary.VersionsCreated.Where(v => v.Key.StartsWith("agent/", StringComparison.Ordinal)).Sum(v => v.Value));
    }

    [Fact]
    public async Task UnionMergedDecisionsAreEachRecordedOnceAtTheCommitThatFirstAddedThemWhateverTheirOrder()
    {
        using var repository = GitTestRepository.Create();
        repository.Write(".gitattributes", ".squad/decisions.md merge=union\n");
        var c1 = repository.Write(".squad/decisions.md", "# Decisions\n\n" + Entry("A", "Fenster")).Commit("Decide A", TestAuthor.Alice, At(0));
        repository.Git("checkout", "-q", "-b", "side");
        var s1 = repository.Write(".squad/decisions.md", "# Decisions\n\n" + Entry("A", "Fenster") + Entry("B", "Rabin")).Commit("Decide B", TestAuthor.Bob, At(1));
        repository.Git("checkout", "-q", "main");
        var c2 = repository.Write(".squad/decisions.md", "# Decisions\n\n" + Entry("A", "Fenster") + Entry("C", "Edie")).Commit("Decide C", TestAuthor.Zoe, At(2));
        repository.Merge("side", "Merge side", TestAuthor.Alice, At(3));
        var merged = repository.Git("show", "HEAD:.squad/decisions.md");
        var c3 = repository.Write(".squad/decisions.md", "# Decisions\n\n" + Entry("C", "Edie") + Entry("B", "Rabin") + Entry("A", "Fenster")).Commit("Sort the log", TestAuthor.Bob, At(4));
        var service = SquadFidelity.NewService();

        await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        Assert.True(merged.IndexOf("Decision C", StringComparison.Ordinal) < merged.IndexOf("Decision B", StringComparison.Ordinal), "the union merge put main's entry first");
        var decisions = (await ImportHarness.AllAsync(service)).Where(s => s.Key.Kind == "decision").ToList();
        Assert.Equal([("A", 1, c1), ("B", 1, s1), ("C", 1, c2)], decisions.Select(d => (SquadFidelity.Member(d, "title")!.Split(' ')[^1], d.Version, d.Source!.Commit)).Order());
        Assert.DoesNotContain(decisions, d => d.Source!.Commit == c3);
    }

    internal static string Entry(string title, string by) => $"### 2026-04-01: Decision {title}\n\n**By:** {by}\n**What:** {title}\n\n";

    internal static async Task<string[]> CommitsOfAsync(Verso.Versioning.VersioningService service, string reference) =>
        [.. (await SquadFidelity.VersionsAsync(service, reference)).Select(v => v.Source!.Commit)];
}
