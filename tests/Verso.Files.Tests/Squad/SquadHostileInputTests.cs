using System.Text;
using Verso.Files.Directories;
using Verso.Files.Errors;
using Verso.Files.Squad;
using Verso.Files.Tests.Support;
using Verso.Naming;
using Verso.Versioning;

namespace Verso.Files.Tests.Squad;

public sealed class SquadHostileInputTests
{
    [Fact]
    public async Task EachUnusableFileIsReportedAndTheRestOfTheTeamIsImported()
    {
        using var store = await TestStore.CreateAsync();
        var repo = store.Work("repo");
        SquadFixture.Write(repo);
        var outside = Path.Combine(store.Work("outside"), "charter.md");
        File.WriteAllText(outside, "# Evil — Intruder\n");
        Write(repo, ".squad/agents/bad name/charter.md", "# Bad\n"u8.ToArray());
        Write(repo, ".squad/agents/latin1/charter.md", [.. "# Zo"u8, 0xEB, (byte)'\n']);
        Write(repo, ".squad/agents/con/charter.md", "# Con\n"u8.ToArray());
        Write(repo, ".squad/decisions/inbox/CON.md", "# Device\n"u8.ToArray());
        Write(repo, ".squad/decisions/inbox/.hidden.md", "# Hidden\n"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(repo, ".squad", "agents", "linked"));
        File.CreateSymbolicLink(Path.Combine(repo, ".squad", "agents", "linked", "charter.md"), outside);

        var report = await new SquadImporter(store.Service, store.Store).ImportAsync(repo, new SaveOptions("importer"));

        Assert.Equal(
            [".squad/agents/bad name/charter.md", ".squad/agents/con/charter.md", ".squad/agents/latin1/charter.md",
             ".squad/agents/linked/charter.md", ".squad/decisions/inbox/CON.md"],
            report.Files.Where(f => f.Status == FileStatus.Invalid).Select(f => f.Path));
        Assert.Contains("not UTF-8", report.Files.Single(f => f.Path.Contains("latin1", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        Assert.Contains("symbolic link", report.Files.Single(f => f.Path.Contains("linked", StringComparison.Ordinal)).Detail, StringComparison.Ordinal);
        Assert.Equal(4, report.Files.Count(f => f.Key?.Kind == "agent" && f.Status == FileStatus.Created));
        Assert.Null(await store.Service.Store.GetLatestAsync(EntityKey.Create("agent", "linked")));
    }

    [Fact]
    public async Task AnEntryWhoseIdIsAReviewDecisionsTaskIsRefusedButDecisionsMdStillComesBackWhole()
    {
        using var store = await TestStore.CreateAsync();
        var repo = store.Work("repo");
        var log = "# Decisions\n\n### Task 42\n**By:** Ann\n\n### 2025-01-02: Other\n";
        Write(repo, ".squad/decisions.md", Encoding.UTF8.GetBytes(log));
        var review = System.Text.Json.Nodes.JsonNode.Parse("""{"id":"d1","task_id":"task-42","executor":"a","reviewer":"b","decision":"approved","executed_at":"2026-01-01T00:00:00Z","recorded_at":"2026-01-01T00:00:00Z","pinned_charters":[]}""")!;
        await store.Service.Store.AppendAsync(new Verso.Storage.AppendRequest(EntityKey.Create("decision", "task-42"), Verso.Testing.Support.Some.Json(review.ToJsonString()), "ops", Verso.Testing.Support.Some.Instant));

        var report = await new SquadImporter(store.Service, store.Store).ImportAsync(repo, new SaveOptions("importer"));
        await new SquadExporter(store.Service, store.Store).ExportAsync(store.Work("out"));

        Assert.Contains("is a review decision", Assert.Single(report.Files, f => f.Status == FileStatus.Invalid).Detail, StringComparison.Ordinal);
        Assert.Equal(1, (await store.Service.Store.CountVersionsAsync(EntityKey.Create("decision", "task-42"))));
        Assert.Equal(log, File.ReadAllText(Path.Combine(store.Work("out"), ".squad", "decisions.md")));
    }

    [Fact]
    public async Task APathWithoutATeamFolderIsOneError()
    {
        using var store = await TestStore.CreateAsync();

        var error = await Assert.ThrowsAsync<RecordFileException>(() => new SquadImporter(store.Service, store.Store).ImportAsync(store.Work("repo"), new SaveOptions("importer")));

        Assert.Contains("no .squad/ or .ai-team/ folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTeamFolderItselfCanBeGiven()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));

        var report = await new SquadImporter(store.Service, store.Store).ImportAsync(Path.Combine(store.Work("repo"), ".squad"), new SaveOptions("importer"));

        // Four agents, five entries of decisions.md, two inbox files and the layout.
        Assert.Equal(12, report.Count(FileStatus.Created));
    }

    [Theory]
    [InlineData("""{"folder":".squad","inbox":[{"file":"../../escape.md","decision":"x"}]}""")]
    [InlineData("""{"folder":".squad","inbox":[{"file":"a/b.md","decision":"x"}]}""")]
    [InlineData("""{"folder":"../outside","agents":["x"]}""")]
    [InlineData("""{"folder":".git","agents":["x"]}""")]
    [InlineData("""{"folder":".squad","agents":["../x"]}""")]
    [InlineData("""{"folder":".squad","decisions":[{"decision":"../../x"}]}""")]
    public async Task AStoredLayoutThatNamesAnUnsafePathWritesNothing(string layout)
    {
        using var store = await TestStore.CreateAsync();
        await store.Service.SaveAsync(SquadLayout.Key, Encoding.UTF8.GetBytes(layout), new SaveOptions("attacker"));
        var outside = store.Work("parent");
        var target = Path.Combine(outside, "export");

        await Assert.ThrowsAsync<RecordFileException>(() => new SquadExporter(store.Service, store.Store).ExportAsync(target));

        Assert.Equal([target], Directory.EnumerateFileSystemEntries(outside, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task WithoutAStoredLayoutEveryAgentWithACharterIsWrittenIntoTheFolderTheDirectoryUses()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        var repo = store.Work("repo");
        Directory.CreateDirectory(Path.Combine(repo, ".ai-team"));

        var report = await new SquadExporter(store.Service, store.Store).ExportAsync(repo);

        Assert.Equal(5, report.Count(FileStatus.Written));
        Assert.All(report.Files, f => Assert.StartsWith(".ai-team/agents/", f.Path, StringComparison.Ordinal));
        var alice = (await store.Service.Store.GetLatestAsync(EntityKey.Create("agent", "alice")))!;
        Assert.Contains("# Alice Novak", File.ReadAllText(Path.Combine(repo, ".ai-team", "agents", "alice", "charter.md")), StringComparison.Ordinal);
        Assert.Contains($"hash: {alice.Hash}", File.ReadAllText(Path.Combine(repo, "verso-manifest.yaml")), StringComparison.Ordinal);
    }

    private static void Write(string root, string relative, byte[] bytes)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
