using Verso.Files.Tests.Git.Support;
using Verso.Model.Lineage;
using Verso.Naming;
using Verso.Testing.Git;

namespace Verso.Files.Tests.Git.Squad;

/// <summary>
/// A generated team history with every pattern at once (both folders, the guard's delete and re-add, a
/// rebirth with a casting registry, reskills, union-merged decisions, inbox files that come and go):
/// imported exactly as git has it, re-run to nothing, and alike from a bare clone.
/// </summary>
public sealed class GeneratedTeamHistoryTests(GeneratedTeamFixture team) : IClassFixture<GeneratedTeamFixture>
{
    [Fact]
    public async Task EveryVersionIsTheFileGitShowsAtItsCommitByItsAuthorAndEachHeadIsTheTips()
    {
        var service = SquadFidelity.NewService();

        var summary = await SquadFidelity.ImportAsync(service, team.Repository.Path);

        var all = await SquadFidelity.AssertFaithfulAsync(team.Repository, service);
        Assert.Contains(all, s => s.Key.Kind == "agent" && s.Source!.Path.StartsWith(".ai-team/", StringComparison.Ordinal));
        Assert.Contains(all, s => s.Key.Kind == "agent" && s.Source!.Path.StartsWith(".squad/", StringComparison.Ordinal));
        Assert.Contains(all, s => s.Key.Kind == "agent" && s.Source!.Deleted);
        // Both folders were there for a while: each shadowed file is listed once.
        Assert.NotEmpty(summary.Shadowed);
        Assert.Equal(summary.Shadowed.Length, summary.Shadowed.Select(s => s.Path).Distinct().Count());
        Assert.All(summary.Shadowed, s => Assert.StartsWith(".ai-team/", s.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachDecisionIsRecordedOnceAtTheCommitThatFirstAddedItsEntry()
    {
        var service = SquadFidelity.NewService();
        await SquadFidelity.ImportAsync(service, team.Repository.Path);

        var all = await ImportHarness.AllAsync(service);
        var logged = all.Where(s => s.Key.Kind == "decision" && s.Source!.Path.EndsWith("decisions.md", StringComparison.Ordinal)).ToList();
        Assert.Equal(team.FirstAdded.Count, logged.Count);
        foreach (var decision in logged)
        {
            var title = SquadFidelity.Member(decision, "title")!;
            Assert.Equal(1, decision.Version);
            Assert.Equal(team.FirstAdded[title], decision.Source!.Commit);
        }
    }

    [Fact]
    public async Task RetiredAgentsAreRetiredAndTheirRecastsFollowBackToThem()
    {
        var service = SquadFidelity.NewService();
        await SquadFidelity.ImportAsync(service, team.Repository.Path);
        var lineage = new LineageReader(service.Store);

        // The rebirth retired fenster and recast it as flight (the generator's first name and its first new one).
        Assert.Equal(EntityLineage.Retired, (await lineage.GetAsync(EntityKey.Parse("agent/fenster")))!.Status);
        var chain = await lineage.FollowAsync(EntityKey.Parse("agent/flight"));
        Assert.Equal(["agent/flight", "agent/fenster"], chain.Select(k => k.ToString()));
        var history = await lineage.GetHistoryAsync(EntityKey.Parse("agent/flight")).ToListAsync();
        Assert.Equal(
            (await SquadFidelity.VersionsAsync(service, "agent/flight")).Concat(await SquadFidelity.VersionsAsync(service, "agent/fenster")).Select(s => s.Ref.ToString()).Order(),
            history.Select(s => s.Ref.ToString()).Order());
        Assert.Equal("agent/flight", history[0].Key.ToString());
        Assert.Equal("agent/fenster", history[^1].Key.ToString());
    }

    [Fact]
    public async Task ARerunImportsNothingAndABareCloneImportsTheSameVersions()
    {
        var service = SquadFidelity.NewService();
        await SquadFidelity.ImportAsync(service, team.Repository.Path);
        var first = await ImportHarness.AllAsync(service);

        var again = await SquadFidelity.ImportAsync(service, team.Repository.Path);
        var bare = Path.Combine(team.Repository.Parent, "bare.git");
        if (!Directory.Exists(bare))
        {
            GitTestRepository.Run(team.Repository.Parent, null, null, ["clone", "-q", "--bare", team.Repository.Path, bare], allowFailure: false);
        }

        var fromBare = SquadFidelity.NewService();
        await SquadFidelity.ImportAsync(fromBare, bare);

        Assert.Equal(0, again.TotalCreated);
        Assert.Equal(first.Length, (await ImportHarness.AllAsync(service)).Length);
        Assert.Equal(Describe(first), Describe(await ImportHarness.AllAsync(fromBare)));
    }

    private static string[] Describe(IEnumerable<Verso.Model.Snapshots.Snapshot> all) =>
        [.. all.Select(s => $"{s.Ref} {s.Hash} {s.SavedBy} {s.SavedAt:O} {s.Source}")];
}
