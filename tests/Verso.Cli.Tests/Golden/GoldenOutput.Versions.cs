using System.Text;

namespace Verso.Cli.Tests.Golden;

// The --json of the commands of issue 22's "versions" group (save, show, log, list, kinds, manifest, rollback,
// policies), recorded before they moved to Verso.Contracts so the move can be shown to change no byte.
public abstract partial class GoldenOutput
{
    [Fact]
    public async Task VersionOutputIsUnchanged()
    {
        var store = await StoreAsync();
        Verso.WriteFile("a.json", """{"name":"Zoë","skills":["go","c#"],"n":1.50,"s":"<b> \"q\" \u0001"}""");
        Verso.WriteFile("b.json", """{"name":"Zoë","level":1e21}""");
        var log = new StringBuilder();
        async Task RunAsync(params string[] args)
        {
            var result = await Verso.RunAsync(["--store", store, .. args]);
            log.Append("### ").AppendJoin(' ', args).Append(" -> ").Append(result.ExitCode).Append('\n')
                .Append(Mask(result.Stdout)).Append("\n--- stderr\n").Append(Mask(result.Stderr)).Append('\n');
        }

        Assert.Equal(0, (await Verso.RunAsync("--store", store, "init")).ExitCode);
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "ops", "-m", "first", "--new-kind");
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "ops");
        await RunAsync("--json", "save", "note", "alice", "b.json", "--by", "lead");
        await RunAsync("--json", "save", "note", "alice", "b.json", "--by", "lead", "--force");
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "lead", "--expect", "1");
        await RunAsync("--json", "save", "note", "bob", "b.json", "--by", "ops");
        await RunAsync("save", "note", "carol", "a.json", "--by", "ops");
        await RunAsync("--json", "check", "note/alice@2", "--name", "ci", "--result", "pass", "--by", "ci", "--url", "https://ci.example/1", "-m", "green");
        await RunAsync("--json", "check", "note/alice@2", "--name", "lint", "--result", "fail", "--by", "ci");
        await RunAsync("--json", "tag", "note/alice@2", "production", "--by", "ops");
        await RunAsync("--json", "show", "note/alice");
        await RunAsync("--json", "show", "note/alice@2");
        await RunAsync("--json", "show", "note/alice@production");
        await RunAsync("--json", "show", "note/alice@9");
        await RunAsync("show", "note/alice@1", "--canonical");
        await RunAsync("--json", "log", "note/alice");
        await RunAsync("--json", "log", "note/alice", "--limit", "1", "--offset", "1");
        await RunAsync("--json", "log", "note/nobody");
        await RunAsync("--json", "rollback", "note/alice", "--to", "1", "--by", "ops", "--reason", "back");
        await RunAsync("--json", "rollback", "note/alice", "--to", "1", "--by", "ops");
        await RunAsync("--json", "rollback", "note/alice", "--to", "1", "--by", "ops", "--expect", "2");
        await RunAsync("--json", "erase", "note/bob@1", "--reason", "gdpr", "--by", "ops", "--yes");
        await RunAsync("--json", "show", "note/bob@1");
        await RunAsync("--json", "log", "note/bob");
        await RunAsync("--json", "list");
        await RunAsync("--json", "list", "note");
        await RunAsync("--json", "list", "--include-internal");
        await RunAsync("--json", "kinds");
        await RunAsync("--json", "manifest");
        await RunAsync("--json", "manifest", "--at", "2999-01-01T00:00:00Z");
        await RunAsync("--json", "manifest", "--at", "yesterday");
        Verso.WriteFile("p.json", """{"required_checks":["ci"]}""");
        await RunAsync("--json", "save", "policy", "tag.production", "p.json", "--by", "admin");
        await RunAsync("--json", "policies");
        await RunAsync("--json", "policies", "note/alice");
        await CompareAsync("versions", log);
    }
}
