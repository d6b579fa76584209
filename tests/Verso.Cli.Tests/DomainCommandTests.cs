using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>The agent-organization kinds through the command: validation, decisions, refs, compat, workflow diffs.</summary>
public sealed class DomainCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(RepositoryRoot(), "samples", "org");

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    public static TheoryData<string, string> SampleFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Samples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task EverySampleIsAcceptedAndShowsBackWithTheSameHash(string kind, string id)
    {
        await _verso.InitializedAsync();

        var saved = await _verso.RunAsync("--json", "save", kind, id, Path.Combine(Samples, kind, id + ".json"), "--by", "ops");
        var shown = await _verso.RunAsync("show", $"{kind}/{id}", "--canonical");

        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Equal(saved.Json().GetProperty("hash").GetString(), "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(shown.StdoutBytes)));
    }

    [Fact]
    public async Task AnInvalidAgentExitsTwoWithOneLinePerProblemAndItsPath()
    {
        await _verso.InitializedAsync();
        var agent = Sample("agent", "alice");
        agent["model"]!["temperature"] = 7;
        agent["surprise"] = true;
        _verso.WriteFile("bad.json", agent.ToJsonString());

        var result = await _verso.RunAsync("save", "agent", "alice", "bad.json", "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        var lines = result.Stderr.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("/model/temperature", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("/surprise", StringComparison.Ordinal));
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task ADecisionPinsTheChartersInForceAtExecutionNotTheLatest()
    {
        var (aliceAtExecution, executedAt) = await SaveAgentsAndEditAliceAfterExecutionAsync();

        var decided = (await _verso.RunAsync("--json", "decide", "--task", "T-42", "--executor", "alice", "--reviewer", "quinn",
            "--decision", "approved", "--executed-at", executedAt, "--reason", "tests cover it", "--by", "ops")).Json();
        var pins = decided.GetProperty("pinned_charters").EnumerateArray().Select(p => p.GetString()).ToArray();

        Assert.Equal("decision/T-42@1", decided.GetProperty("ref").GetString());
        Assert.Contains(aliceAtExecution, pins);
        Assert.Contains(pins, p => p!.StartsWith("agent/quinn@1 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyRechecksEveryPinAndNamesTheDecisionWhosePinnedVersionChanged()
    {
        var (_, executedAt) = await SaveAgentsAndEditAliceAfterExecutionAsync();
        await _verso.RunAsync("decide", "--task", "T-7", "--executor", "alice", "--reviewer", "quinn",
            "--decision", "approved", "--executed-at", executedAt, "--by", "ops");
        var intact = await _verso.RunAsync("verify");
        // Someone rewrites which content alice@1 holds, so the decision's pin no longer matches it.
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE versions SET hash = (SELECT v.hash FROM versions v JOIN entities e USING (entity_pk) WHERE e.id = 'alice' AND v.version = 2)
                WHERE version = 1 AND entity_pk = (SELECT entity_pk FROM entities WHERE id = 'alice');
                """;
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var damaged = await _verso.RunAsync("verify");

        Assert.Equal(0, intact.ExitCode);
        Assert.Equal(1, damaged.ExitCode);
        Assert.Contains("broken decision/T-7@1: it pins agent/alice@1 at sha256:", damaged.Stdout, StringComparison.Ordinal);
        Assert.Contains("broken agent/alice@1: its chain hash does not match", damaged.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefsAnswersWhichDecisionsCameFromACharterVersion()
    {
        var (_, executedAt) = await SaveAgentsAndEditAliceAfterExecutionAsync();
        await _verso.RunAsync("decide", "--task", "T-1", "--executor", "alice", "--reviewer", "quinn", "--decision", "approved", "--executed-at", executedAt, "--by", "ops");
        await _verso.RunAsync("decide", "--task", "T-1", "--executor", "alice", "--reviewer", "quinn", "--decision", "escalated", "--executed-at", executedAt, "--by", "ops");

        var atOne = (await _verso.RunAsync("--json", "refs", "agent/alice@1")).Json();
        var atTwo = (await _verso.RunAsync("--json", "refs", "agent/alice@2")).Json();
        var log = (await _verso.RunAsync("--json", "log", "decision/T-1")).Json();

        Assert.Equal(["decision/T-1@1", "decision/T-1@2"], atOne.GetProperty("referred_by").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty(atTwo.GetProperty("referred_by").EnumerateArray());
        Assert.Equal(2, log.GetArrayLength());
    }

    [Fact]
    public async Task ExplicitPinsAreCheckedAndTheReviewerIsNeverTheExecutor()
    {
        var (_, executedAt) = await SaveAgentsAndEditAliceAfterExecutionAsync();

        var explicitPin = await _verso.RunAsync("--json", "decide", "--task", "T-2", "--executor", "alice", "--reviewer", "quinn",
            "--decision", "rejected", "--executed-at", executedAt, "--executor-ref", "agent/alice@2", "--by", "ops");
        var missing = await _verso.RunAsync("decide", "--task", "T-3", "--executor", "alice", "--reviewer", "quinn",
            "--decision", "rejected", "--executed-at", executedAt, "--executor-ref", "agent/alice@9", "--by", "ops");
        var self = await _verso.RunAsync("decide", "--task", "T-4", "--executor", "alice", "--reviewer", "alice",
            "--decision", "approved", "--executed-at", executedAt, "--by", "ops");
        var tooEarly = await _verso.RunAsync("decide", "--task", "T-5", "--executor", "alice", "--reviewer", "quinn",
            "--decision", "approved", "--executed-at", "2001-01-01T00:00:00Z", "--by", "ops");

        Assert.Contains(explicitPin.Json().GetProperty("pinned_charters").EnumerateArray(), p => p.GetString()!.StartsWith("agent/alice@2 ", StringComparison.Ordinal));
        Assert.Equal(4, missing.ExitCode);
        Assert.Equal(2, self.ExitCode);
        Assert.Contains("/reviewer", self.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, tooEarly.ExitCode);
        Assert.Contains("had no version yet", tooEarly.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompatSaysIdenticalCompatibleOrBreaking()
    {
        await _verso.InitializedAsync();
        var alice = Sample("agent", "alice");
        await SaveAsync("agent", "alice", alice);
        alice["description"] = "Reviews pull requests; now also mentors.";
        await SaveAsync("agent", "alice", alice);
        alice["model"]!["temperature"] = 0.9;
        await SaveAsync("agent", "alice", alice);

        var identical = (await _verso.RunAsync("--json", "compat", "agent/alice@1", "agent/alice@1")).Json();
        var compatible = (await _verso.RunAsync("--json", "compat", "agent/alice@1", "agent/alice@2")).Json();
        var breaking = (await _verso.RunAsync("--json", "compat", "agent/alice@1", "agent/alice@3")).Json();

        Assert.Equal("identical", identical.GetProperty("verdict").GetString());
        Assert.Equal("compatible", compatible.GetProperty("verdict").GetString());
        Assert.Empty(compatible.GetProperty("differences").EnumerateArray());
        Assert.Equal("breaking", breaking.GetProperty("verdict").GetString());
        Assert.Equal("/model/temperature", Assert.Single(breaking.GetProperty("differences").EnumerateArray()).GetProperty("path").GetString());
    }

    [Fact]
    public async Task AWorkflowDiffSpeaksOfNodesAndEdges()
    {
        await _verso.InitializedAsync();
        var workflow = Sample("workflow", "feature-delivery");
        await SaveAsync("workflow", "feature-delivery", workflow);
        var node = workflow["nodes"]!.AsArray().First(n => n!["type"]!.GetValue<string>() != "start" && n!["type"]!.GetValue<string>() != "end")!;
        node["label"] = node["label"]!.GetValue<string>() + " (renamed)";
        await SaveAsync("workflow", "feature-delivery", workflow);

        var diff = await _verso.RunAsync("diff", "workflow/feature-delivery@1", "workflow/feature-delivery@2");

        Assert.Equal(0, diff.ExitCode);
        Assert.Contains("1 node relabelled", diff.Stdout, StringComparison.Ordinal);
    }

    private async Task<(string AliceAtExecution, string ExecutedAt)> SaveAgentsAndEditAliceAfterExecutionAsync()
    {
        await _verso.InitializedAsync();
        var alice = Sample("agent", "alice");
        var first = (await SaveAsync("agent", "alice", alice)).Json();
        await SaveAsync("agent", "quinn", Sample("agent", "quinn"));
        var shown = (await _verso.RunAsync("--json", "show", "agent/quinn")).Json();
        // The task ran once both charters existed; alice's charter was edited only afterwards.
        var executedAt = shown.GetProperty("saved_at").GetString()!;
        alice["charter"] = alice["charter"]!.GetValue<string>() + "\nA rule added after the task ran.\n";
        await SaveAsync("agent", "alice", alice);
        return ($"agent/alice@1 {first.GetProperty("hash").GetString()}", executedAt);
    }

    private async Task<CliResult> SaveAsync(string kind, string id, JsonNode record)
    {
        _verso.WriteFile("record.json", record.ToJsonString());
        var result = await _verso.RunAsync("--json", "save", kind, id, "record.json", "--by", "ops");
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private static JsonNode Sample(string kind, string id) => JsonNode.Parse(File.ReadAllText(Path.Combine(Samples, kind, id + ".json")))!;

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verso.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Verso.slnx) was not found above the test binaries");
    }
}
