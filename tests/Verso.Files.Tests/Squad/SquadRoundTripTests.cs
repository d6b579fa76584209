using System.Text.Json.Nodes;
using Verso.Files.Directories;
using Verso.Files.Squad;
using Verso.Files.Tests.Support;
using Verso.Naming;
using Verso.Versioning;

namespace Verso.Files.Tests.Squad;

public sealed class SquadRoundTripTests
{
    [Theory]
    [InlineData(".squad")]
    [InlineData(".ai-team")]
    public async Task AnImportedTeamExportsBackByteForByte(string folder)
    {
        using var store = await TestStore.CreateAsync();
        var original = SquadFixture.Write(store.Work("repo"), folder);

        var imported = await new SquadImporter(store.Service, store.Store).ImportAsync(store.Work("repo"), new SaveOptions("importer"));
        var exported = await new SquadExporter(store.Service, store.Store).ExportAsync(store.Work("out"));

        Assert.False(imported.HasInvalid, string.Join("\n", imported.Files));
        Assert.False(exported.HasInvalid, string.Join("\n", exported.Files));
        var written = Seed.Files(store.Work("out"));
        Assert.Equal([.. original.Keys, "verso-manifest.yaml"], written.Keys.Order(StringComparer.Ordinal));
        Assert.All(original, file => Assert.Equal(file.Value, written[file.Key]));
    }

    [Fact]
    public async Task ReimportingTheSameTreeCreatesNothing()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));
        var importer = new SquadImporter(store.Service, store.Store);
        await importer.ImportAsync(store.Work("repo"), new SaveOptions("importer"));
        var versions = (await store.Service.Store.GetStatisticsAsync()).Versions;

        var again = await importer.ImportAsync(store.Work("repo"), new SaveOptions("importer"));

        Assert.All(again.Files, f => Assert.Equal(FileStatus.Unchanged, f.Status));
        Assert.Equal(versions, (await store.Service.Store.GetStatisticsAsync()).Versions);
    }

    [Fact]
    public async Task EveryEntryAndInboxFileIsADecisionWithADeterministicId()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));

        var report = await new SquadImporter(store.Service, store.Store).ImportAsync(store.Work("repo"), new SaveOptions("importer"));

        var decisions = report.Files.Where(f => f.Key?.Kind == "decision").Select(f => f.Key!.Id);
        Assert.Equal(
            [
                "2025-07-10-vue-app-structure-decided", "2025-07-16-cors-configured-for-vue-js-frontend",
                "2026-05-22-user-directive-layout-rules-are-errors-on-day-1", "2025-07-10-vue-app-structure-decided-2",
                "2024-12-01-use-emoji-in-commit-titles", "inbox-ash-ship-it", "inbox-lucius-ci-pipeline",
            ],
            decisions);
        var cors = await Record(store, "decision", "2025-07-16-cors-configured-for-vue-js-frontend");
        Assert.Equal("Morpheus", cors["by"]!.GetValue<string>());
        Assert.Equal("2025-07-16", cors["date"]!.GetValue<string>());
        Assert.Equal("### 2025-07-16: CORS configured for Vue.js frontend\r\n**By:** Morpheus\r\n**What:** Added CORS policy.\r\n**Why:** The browser enforces CORS.\r\n", cors["text"]!.GetValue<string>());
        var inbox = await Record(store, "decision", "inbox-lucius-ci-pipeline");
        Assert.Equal(("Decision: CI Pipeline Configuration", "2026-02-16", "Lucius (DevOps Engineer)"), (inbox["title"]!.GetValue<string>(), inbox["date"]!.GetValue<string>(), inbox["by"]!.GetValue<string>()));
        Assert.Equal(SquadFixture.InboxCors, inbox["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheFieldsACharterStatesBecomeTheAgentsFields()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));

        await new SquadImporter(store.Service, store.Store).ImportAsync(store.Work("repo"), new SaveOptions("importer"));

        var dallas = await Record(store, "agent", "dallas");
        Assert.Equal("Dallas", dallas["name"]!.GetValue<string>());
        Assert.Equal("lead", dallas["role"]!.GetValue<string>());
        Assert.Equal("Keeps the scope honest and the architecture boring.", dallas["description"]!.GetValue<string>());
        Assert.Equal("Direct. Decides fast, writes the decision down.", dallas["personality"]!["communication_style"]!.GetValue<string>());
        Assert.Equal(["architecture", "code-review", "scope-calls"], dallas["skills"]!["primary"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        Assert.Equal("""{"fallback":"claude-haiku-4","model_id":"claude-sonnet-4","provider":"anthropic"}""", dallas["model"]!.ToJsonString());
        Assert.Equal(SquadFixture.Dallas, dallas["charter"]!.GetValue<string>());
        var ripley = await Record(store, "agent", "ripley");
        Assert.Equal("backend-dev", ripley["role"]!.GetValue<string>());
        Assert.Null(ripley["model"]);
        Assert.Equal(["c", "sqlite", "cli-design"], ripley["skills"]!["primary"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
        var lambert = await Record(store, "agent", "lambert");
        Assert.Equal("openai", lambert["model"]!["provider"]!.GetValue<string>());
        Assert.StartsWith("\uFEFF# Lambert", lambert["charter"]!.GetValue<string>(), StringComparison.Ordinal);
        var scribe = await Record(store, "agent", "scribe");
        Assert.Equal(("Scribe", SquadAgentRecord.DefaultRole), (scribe["name"]!.GetValue<string>(), scribe["role"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnEditedCharterIsANewVersionThatKeepsWhatOperatorsAddedInVerso()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));
        var importer = new SquadImporter(store.Service, store.Store);
        await importer.ImportAsync(store.Work("repo"), new SaveOptions("importer"));
        var dallas = await Record(store, "agent", "dallas");
        dallas["tools"] = JsonNode.Parse("""{"access_level":"elevated","allowed":["git.push"]}""");
        await store.Service.SaveAsync(EntityKey.Create("agent", "dallas"), Samples.Canonical(dallas), new SaveOptions("operator"));
        var path = Path.Combine(store.Work("repo"), ".squad", "agents", "dallas", "charter.md");
        File.WriteAllText(path, SquadFixture.Dallas.Replace("- **Role:** Lead", "- **Role:** Architect", StringComparison.Ordinal));

        var report = await importer.ImportAsync(store.Work("repo"), new SaveOptions("importer"));

        var changed = Assert.Single(report.Files, f => f.Status != FileStatus.Unchanged);
        Assert.Equal((".squad/agents/dallas/charter.md", FileStatus.Updated, 3), (changed.Path, changed.Status, changed.Version));
        var after = await Record(store, "agent", "dallas");
        Assert.Equal("architect", after["role"]!.GetValue<string>());
        Assert.Equal("elevated", after["tools"]!["access_level"]!.GetValue<string>());
    }

    [Fact]
    public async Task ASquadAgentExportedAsMarkdownKeepsItsCharterAsTheBodyAndItsHash()
    {
        using var store = await TestStore.CreateAsync();
        SquadFixture.Write(store.Work("repo"));
        await new SquadImporter(store.Service, store.Store).ImportAsync(store.Work("repo"), new SaveOptions("importer"));

        await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work("out"), kind: "agent");

        var markdown = File.ReadAllBytes(Path.Combine(store.Work("out"), "agent", "ripley.md"));
        var charter = SquadFixture.Utf8(SquadFixture.Ripley);
        Assert.Equal(charter, markdown[^charter.Length..]);
        Assert.False((await new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work("out"), kind: "agent")).HasDrift);
    }

    private static async Task<JsonObject> Record(TestStore store, string kind, string id) =>
        JsonNode.Parse((await store.Service.Store.GetLatestAsync(EntityKey.Create(kind, id)))!.Content.Span)!.AsObject();
}
