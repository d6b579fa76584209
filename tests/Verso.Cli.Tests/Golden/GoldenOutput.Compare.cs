using System.Text;

namespace Verso.Cli.Tests.Golden;

// diff, blame, merge, compat, refs, verify, prune, erase and the document tools: recorded before their writers moved to the contracts.
public abstract partial class GoldenOutput
{
    [Fact]
    public async Task CompareAndAdminOutputIsUnchanged()
    {
        var store = await StoreAsync();
        Verso.WriteFile("a.json", """{"name":"Alice","notes":"one\ntwo","skills":["go"],"gone":null}""");
        Verso.WriteFile("b.json", """{"name":"Alicé <b>","notes":"one\ntwo too\nthree","skills":["go","c#"],"level":1.50}""");
        Verso.WriteFile("theirs.json", """{"name":"Alice","notes":"one\ntwo","skills":["go"],"gone":null,"x":true}""");
        Verso.WriteFile("clash.json", """{"name":"Bob","skills":["go"]}""");
        Verso.WriteFile("patch.json", """[{"op":"add","path":"/z","value":1}]""");
        var log = new StringBuilder();
        async Task RunAsync(params string[] args)
        {
            var result = await Verso.RunAsync(["--store", store, .. args]);
            log.Append("### ").AppendJoin(' ', args).Append(" -> ").Append(result.ExitCode).Append('\n')
                .Append(Mask(result.Stdout)).Append("\n--- stderr\n").Append(Mask(result.Stderr)).Append('\n');
        }

        Assert.Equal(0, (await Verso.RunAsync("--store", store, "init")).ExitCode);
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "ops", "--new-kind");
        await RunAsync("--json", "save", "note", "alice", "b.json", "--by", "lead");
        await RunAsync("--json", "diff", "note/alice@1", "note/alice@2");
        await RunAsync("--json", "diff", "note/alice@2");
        await RunAsync("diff", "note/alice@1", "note/alice@2", "--format", "patch");
        await RunAsync("--json", "diff", "note/alice@1");
        await RunAsync("--json", "blame", "note/alice");
        await RunAsync("--json", "refs", "note/alice@1");
        await RunAsync("--json", "compat", "note/alice@1", "note/alice@2");
        await RunAsync("--json", "merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "1");
        await RunAsync("--json", "merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "theirs.json", "--save", "--by", "ops", "-m", "both");
        await RunAsync("--json", "merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "clash.json");
        await RunAsync("--json", "hash", "a.json");
        await RunAsync("--json", "canon", "b.json");
        await RunAsync("--json", "patch", "a.json", "patch.json");
        await RunAsync("--json", "verify");
        await RunAsync("--json", "prune", "--keep", "1", "--dry-run");
        await RunAsync("--json", "prune", "note/alice", "--keep", "2", "--by", "ops", "--reason", "old");
        await RunAsync("--json", "erase", "note/alice@2", "--by", "ops", "--reason", "gdpr", "--yes");
        await RunAsync("--json", "verify");
        await CompareAsync("compare-admin", log);
    }
}
