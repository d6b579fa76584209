using Verso.Files.Squad;
using Verso.Files.Tests.Git.Support;
using Verso.Testing.Git;

namespace Verso.Files.Tests.Git.Squad;

/// <summary>Decision authors in every form Squad teams write them, and the charters their decisions pin.</summary>
public sealed class SquadDecisionAuthorTests
{
    private static DateTimeOffset At(int hour) => new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddHours(hour);

    [Theory]
    [InlineData("Fenster (Core Dev)", "Fenster|")]
    [InlineData("CONTROL (formerly Edie)", "CONTROL|Edie")]
    [InlineData("Rabin (Distribution) + Fenster (Core Dev)", "Rabin|;Fenster|")]
    [InlineData("Brady (via Copilot)", "Brady|")]
    [InlineData("Fenster (Core Dev)   ", "Fenster|")]
    [InlineData("fenster and Rabin, Edie & Baer (Ops, Infra)", "fenster|;Rabin|;Edie|;Baer|")]
    [InlineData("   ", "")]
    public void AuthorsAreSplitAtPlusAndCommaOutsideParenthesesAndNamedBeforeTheirParenthesis(string by, string expected)
    {
        var authors = SquadAuthors.Parse(by);

        Assert.Equal(expected, string.Join(';', authors.Select(a => $"{a.Name}|{a.Formerly}")));
    }

    [Fact]
    public async Task EachAgentAuthorPinsTheCharterTheDecisionsOwnCommitHeldNotTheLatestByDate()
    {
        using var repository = GitTestRepository.Create();
        var charter = SquadHistoryPatternTests.Charter;
        var c1 = repository.Write(".squad/agents/fenster/charter.md", charter("Fenster", "core"))
            .Write(".squad/agents/rabin/charter.md", charter("Rabin", "distribution"))
            .Write(".squad/agents/edie/charter.md", charter("Edie", "control"))
            .Write(".squad/decisions.md", "# Decisions\n\n")
            .Commit("Team", TestAuthor.Alice, At(0));
        repository.Git("checkout", "-q", "-b", "x");
        repository.Write(".squad/agents/fenster/charter.md", charter("Fenster", "core, perf")).Commit("Fenster learns perf", TestAuthor.Bob, At(1));
        repository.Git("checkout", "-q", "main");
        repository.Merge("x", "Merge x", TestAuthor.Alice, At(2));
        // Branch y forks before fenster learned perf and decides after it, by the clock.
        repository.Git("checkout", "-q", "-b", "y", c1);
        repository.Write(".squad/decisions/inbox/fenster-cache.md", "### Cache the index\n\n**By:** Fenster (Core Dev)   \n**What:** cache\n")
            .Write(".squad/decisions.md", "# Decisions\n\n"
                + SquadHistoryPatternTests.Entry("Control", "CONTROL (formerly Edie)")
                + SquadHistoryPatternTests.Entry("Pair", "Rabin (Distribution) + Fenster (Core Dev)")
                + SquadHistoryPatternTests.Entry("Person", "Brady (via Copilot)")
                + SquadHistoryPatternTests.Entry("Words", "fenster and rabin"));
        var y1 = repository.Commit("Decisions on y", TestAuthor.Zoe, At(3));
        repository.Git("checkout", "-q", "main");
        repository.Merge("y", "Merge y", TestAuthor.Alice, At(4));
        repository.Write(".squad/decisions/inbox/fenster-later.md", "### Later\n\n**By:** Fenster\n").Commit("Later decision", TestAuthor.Bob, At(5));
        var service = SquadFidelity.NewService();

        await SquadFidelity.ImportAsync(service, repository.Path);

        await SquadFidelity.AssertFaithfulAsync(repository, service);
        var fenster = await SquadFidelity.VersionsAsync(service, "agent/fenster");
        Assert.Equal(2, fenster.Count);
        var decisions = (await ImportHarness.AllAsync(service)).Where(s => s.Key.Kind == "decision").ToDictionary(d => SquadFidelity.Member(d, "title")!);
        Assert.All(decisions.Values.Where(d => d.Key.Id != "inbox-fenster-later"), d => Assert.Equal(y1, d.Source!.Commit));
        Assert.Equal(["agent/fenster@1"], Pins(decisions["Cache the index"]));
        Assert.Equal(["agent/edie@1"], Pins(decisions["Decision Control"]));
        Assert.Equal(["agent/rabin@1", "agent/fenster@1"], Pins(decisions["Decision Pair"]));
        Assert.Empty(Pins(decisions["Decision Person"]));
        Assert.Equal("Brady (via Copilot)", SquadFidelity.Member(decisions["Decision Person"], "by"));
        Assert.Equal(["agent/fenster@1", "agent/rabin@1"], Pins(decisions["Decision Words"]));
        Assert.Equal(["agent/fenster@2"], Pins(decisions["Later"]));
        // The pin names the version and its exact hash.
        Assert.Contains(fenster[0].Hash.ToString(), System.Text.Encoding.UTF8.GetString(decisions["Cache the index"].Content.Span), StringComparison.Ordinal);
    }

    private static string[] Pins(Verso.Model.Snapshots.Snapshot decision)
    {
        using var document = System.Text.Json.JsonDocument.Parse(decision.Content);
        return document.RootElement.TryGetProperty("pinned_charters", out var pins)
            ? [.. pins.EnumerateArray().Select(p => p.GetProperty("ref").GetString()!)]
            : [];
    }
}
