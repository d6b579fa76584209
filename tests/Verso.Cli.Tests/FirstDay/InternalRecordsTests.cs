using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.FirstDay;

/// <summary>
/// Issue 28, case 5: a store that used review lists, exports and imports its configuration only; change requests
/// and checks are there when asked for, and an import is all or nothing with its summary.
/// </summary>
public sealed class InternalRecordsTests : IDisposable
{
    private readonly VersoRunner _verso = new VersoRunner().WithEnvironment("VERSO_USER", "you");

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task AReviewedStoreListsExportsAndManifestsItsConfigurationOnlyAndImportsWholeElsewhere()
    {
        await ReviewedStoreAsync();

        var list = await _verso.RunAsync("list");
        Assert.Equal(["agent/alice", "policy/kind.agent"], Entities(list.Stdout));
        var all = await _verso.RunAsync("list", "--include-internal");
        Assert.Contains("change-request/cr-1", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("change-request/sequence", all.Stdout, StringComparison.Ordinal);
        Assert.Contains("check/", all.Stdout, StringComparison.Ordinal);
        var manifest = await _verso.RunAsync("manifest");
        Assert.DoesNotContain("change-request/", manifest.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("check/", manifest.Stdout, StringComparison.Ordinal);
        Assert.Contains("change-request/cr-1@", (await _verso.RunAsync("manifest", "--include-internal")).Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("change-request", (await _verso.RunAsync("kinds")).Stdout, StringComparison.Ordinal);

        var export = await _verso.RunAsync("export", "out");
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(["agent", "policy"], Directory.GetDirectories(_verso.PathOf("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        Assert.Equal(0, (await _verso.RunAsync("--store", "other.db", "init")).ExitCode);
        var import = await _verso.RunAsync("--store", "other.db", "import", "out");
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.EndsWith("imported 2 file(s): 2 created\n", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(["agent/alice", "policy/kind.agent"], Entities((await _verso.RunAsync("--store", "other.db", "list")).Stdout));
    }

    [Fact]
    public async Task AnOlderExportHoldingChangeRequestsImportsItsConfigurationAndSkipsThemSayingWhy()
    {
        await ReviewedStoreAsync();
        await _verso.RunAsync("export", "out");
        // What an export wrote before internal records were left out of it.
        _verso.WriteFile("out/change-request/cr-1.yaml", "id: cr-1\nbase: agent/alice@1\n");
        _verso.WriteFile("out/check/c-1.yaml", "id: c-1\n");
        await _verso.RunAsync("--store", "other.db", "init");

        var import = await _verso.RunAsync("--store", "other.db", "import", "out");

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("skipped change-request/cr-1.yaml: an internal record (change-request) belongs to the store it was made in and is not imported", import.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("imported 4 file(s): 2 created, 2 skipped\n", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(["agent/alice", "policy/kind.agent"], Entities((await _verso.RunAsync("--store", "other.db", "list", "--include-internal")).Stdout));
    }

    [Fact]
    public async Task AnImportWithOneBadFileSavesNothingAndStillPrintsItsSummary()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("in/role/good.yaml", "id: good\nname: Good\n");
        _verso.WriteFile("in/role/bad.yaml", "id: bad\nskills: many\n");

        var json = await _verso.RunAsync("--json", "import", "in");
        var text = await _verso.RunAsync("import", "in");

        Assert.Equal(2, json.ExitCode);
        Assert.Equal(1, json.Json().GetProperty("summary").GetProperty("invalid").GetInt32());
        Assert.Equal(1, json.Json().GetProperty("summary").GetProperty("skipped").GetInt32());
        Assert.Equal(2, text.ExitCode);
        Assert.EndsWith("imported nothing from 2 file(s): 1 invalid, 1 skipped\n", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    private async Task ReviewedStoreAsync()
    {
        await _verso.InitializedAsync();
        File.Copy(Path.Combine(Repository.Root(), "samples", "agent-alice.json"), _verso.PathOf("alice.json"));
        File.Copy(Path.Combine(Repository.Root(), "samples", "agent-alice-v2.json"), _verso.PathOf("alice-new.json"));
        _verso.WriteFile("agent-policy.json", """{"approvals":1,"direct_saves":false}""");
        string[][] steps =
        [
            ["save", "agent", "alice", "alice.json", "-m", "first charter"],
            ["save", "policy", "kind.agent", "agent-policy.json", "--by", "admin"],
            ["propose", "agent/alice", "alice-new.json", "--by", "you", "-m", "one more rule"],
            ["review", "cr-1", "--approve", "--by", "quinn"],
            ["apply", "cr-1", "--by", "you"],
            ["check", "agent/alice@2", "--name", "evals", "--result", "pass", "--by", "ci"],
        ];
        foreach (var step in steps)
        {
            var result = await _verso.RunAsync(step);
            Assert.True(result.ExitCode == 0, $"verso {string.Join(' ', step)}\n{result}");
        }
    }

    // The entity column of `verso list`.
    private static string[] Entities(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ')[0])];
}
