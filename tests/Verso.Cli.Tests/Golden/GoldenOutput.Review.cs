using System.Text;
using System.Text.RegularExpressions;

namespace Verso.Cli.Tests.Golden;

// Review and rollout: propose, crs, cr, review, apply, decide, resolve and rollout, recorded before they moved onto the contracts.
public abstract partial class GoldenOutput
{
    [Fact]
    public async Task ReviewRolloutAndDecisionOutputIsUnchanged()
    {
        var store = await StoreAsync();
        Verso.WriteFile("a.json", """{"name":"Alice","text":"one\ntwo"}""");
        Verso.WriteFile("p.json", """{"name":"Alice","text":"one\nthree","é":"ü"}""");
        Verso.WriteFile("q.json", """{"name":"Bob"}""");
        Verso.WriteFile("alice.json", Sample("alice"));
        Verso.WriteFile("maya.json", Sample("maya"));
        var edited = System.Text.Json.Nodes.JsonNode.Parse(Sample("alice"))!;
        edited["charter"] = "Ask before deleting anything.";
        Verso.WriteFile("alice2.json", edited.ToJsonString());
        var log = new StringBuilder();
        async Task RunAsync(params string[] args)
        {
            var result = await Verso.RunAsync(["--store", store, .. args]);
            log.Append("### ").AppendJoin(' ', args).Append(" -> ").Append(result.ExitCode).Append('\n')
                .Append(Mask(result.Stdout)).Append("\n--- stderr\n").Append(Mask(result.Stderr)).Append('\n');
        }

        Assert.Equal(0, (await Verso.RunAsync("--store", store, "init")).ExitCode);
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "ops", "--new-kind");
        await RunAsync("--json", "propose", "note/alice", "p.json", "--by", "ann", "-m", "braver");
        await RunAsync("--json", "propose", "note/bob", "q.json", "--by", "ann", "--base", "0");
        await RunAsync("--json", "propose", "note/alice", "q.json", "--by", "ann", "--update", "cr-1", "-m", "again");
        await RunAsync("--json", "crs");
        await RunAsync("--json", "crs", "note/alice", "--status", "open");
        await RunAsync("--json", "cr", "show", "cr-1");
        await RunAsync("--json", "review", "cr-1", "--comment", "-m", "hm", "--by", "ops");
        await RunAsync("--json", "review", "cr-1", "--approve", "--by", "bob");
        await RunAsync("--json", "apply", "cr-1", "--by", "ann");
        await RunAsync("--json", "apply", "cr-1", "--by", "ann");
        await RunAsync("--json", "cr", "withdraw", "cr-2", "--by", "ann", "-m", "no");
        await RunAsync("--json", "cr", "show", "cr-9");

        await RunAsync("--json", "save", "agent", "alice", "alice.json", "--by", "ops");
        await RunAsync("--json", "save", "agent", "maya", "maya.json", "--by", "ops");
        await RunAsync("--json", "save", "agent", "alice", "alice2.json", "--by", "ops");
        await RunAsync("--json", "tag", "agent/alice@1", "production", "--by", "ops");
        await RunAsync("--json", "resolve", "agent/alice");
        await RunAsync("--json", "rollout", "start", "agent/alice", "production", "--candidate", "2", "--weight", "2500", "--steps", "2500,5000", "--bucket-by", "user_id", "--advance-on", "ci", "--by", "ops", "--reason", "try");
        await RunAsync("--json", "resolve", "agent/alice", "--label", "production");
        await RunAsync("--json", "rollout", "set", "agent/alice", "production", "--weight", "0", "--by", "ann", "--reason", "hold");
        await RunAsync("--json", "resolve", "agent/alice", "-l", "production", "-s", "tenant-1");
        var now = Naming.Timestamp.Format(DateTimeOffset.UtcNow);
        await RunAsync("--json", "decide", "--task", "task-1", "--executor", "alice", "--reviewer", "maya", "--decision", "approved", "--executed-at", now,
            "--reason", "tests pass", "--criteria", "coverage", "--label", "production", "--rollout-version", "2", "--by", "ops");
        await RunAsync("--json", "decide", "--task", "task-2", "--executor", "alice", "--reviewer", "alice", "--decision", "approved", "--executed-at", now, "--by", "ops");
        await RunAsync("--json", "decide", "--task", "task-3", "--executor", "alice", "--reviewer", "maya", "--decision", "maybe", "--executed-at", now, "--by", "ops");
        await RunAsync("--json", "rollout", "advance", "agent/alice", "production", "--by", "ops");
        await RunAsync("--json", "rollout", "status", "agent/alice", "production");
        await RunAsync("--json", "rollout", "promote", "agent/alice", "production", "--by", "ops", "--reason", "all good");
        await RunAsync("--json", "rollout", "history", "agent/alice", "production");
        await RunAsync("--json", "rollout", "abort", "agent/alice", "staging", "--by", "ops", "--reason", "no");
        await RunAsync("--json", "rollout", "status", "agent/alice", "staging");
        await CompareAsync("review-rollouts", Salted(log));
    }

    private static string Sample(string agent) => File.ReadAllText(Path.Combine(SourceFolder(), "..", "..", "..", "samples", "org", "agent", agent + ".json"));

    // A rollout's salt is random, and so is a subject's bucket and a decision's hash (its content holds times).
    private static StringBuilder Salted(StringBuilder log)
    {
        var text = Regex.Replace(log.ToString(), "\"salt\":\"[^\"]*\"", "\"salt\":\"<salt>\"");
        text = Regex.Replace(text, "--executed-at \\S+", "--executed-at <time>");
        text = Regex.Replace(text, "\"bucket\":\\d+", "\"bucket\":0");
        return new StringBuilder(Regex.Replace(text, "(\"ref\":\"decision/[^\"]*\",\"hash\":\")sha256:[0-9a-f]+", "$1<hash>"));
    }
}
