using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task AChangeIsProposedReviewedBySomeoneElseCheckedAppliedAndPromoted()
    {
        await SetUpAsync();

        var proposed = await _verso.RunAsync("propose", "charter/alice", _verso.WriteFile("c2.json", """{"text":"Be brave.","tone":"warm"}"""), "--by", "ann", "-m", "braver");
        var self = await _verso.RunAsync("review", "cr-1", "--approve", "--by", "ann");
        var proxy = await _verso.RunAsync("review", "cr-1", "--approve", "--by", "ann-bot", "--acting-for", "ann");
        var early = await _verso.RunAsync("apply", "cr-1", "--by", "ann");
        var reviewed = await _verso.RunAsync("review", "cr-1", "--approve", "--by", "bob", "-m", "good");
        var listed = (await _verso.RunAsync("--json", "crs", "charter/alice", "--status", "approved")).Json();
        var shown = (await _verso.RunAsync("--json", "cr", "show", "cr-1")).Json();
        var applied = await _verso.RunAsync("apply", "cr-1", "--by", "ann");
        var unchecked_ = await _verso.RunAsync("tag", "charter/alice@2", "production", "--by", "ops");
        var checkedOk = await _verso.RunAsync("check", "charter/alice@2", "--name", "evals", "--result", "pass", "--by", "ci", "--url", "https://ci.example/1");
        var promoted = await _verso.RunAsync("tag", "charter/alice@2", "production", "--by", "ops");
        var log = (await _verso.RunAsync("--json", "log", "charter/alice")).Json();

        Assert.Equal(0, proposed.ExitCode);
        Assert.StartsWith("proposed cr-1 open charter/alice (base @1, revision 1) by ann", proposed.Stdout, StringComparison.Ordinal);
        Assert.Equal((3, 3, 3), (self.ExitCode, proxy.ExitCode, early.ExitCode));
        Assert.Contains("refused by rule (no_self_review)", self.Stderr, StringComparison.Ordinal);
        Assert.Contains("ann-bot (acting for ann) cannot approve", proxy.Stderr, StringComparison.Ordinal);
        Assert.Contains("refused by policy/kind.charter@1 (approvals)", early.Stderr, StringComparison.Ordinal);
        Assert.Contains("have 1 more reviewer approve", early.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, reviewed.ExitCode);
        Assert.Equal("cr-1", Assert.Single(listed.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("/text", shown.GetProperty("against_base")[0].GetProperty("path").GetString());
        // The request in the API's shape: actors as objects, the approvers of the current revision counted once.
        var request = shown.GetProperty("request");
        Assert.Equal(("ann", "bob", "Be brave."), (request.GetProperty("author").GetProperty("name").GetString(),
            Assert.Single(request.GetProperty("approvers").EnumerateArray()).GetString(), request.GetProperty("proposal").GetProperty("text").GetString()));
        Assert.Equal(0, applied.ExitCode);
        Assert.StartsWith("applied cr-1 as charter/alice@2", applied.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, unchecked_.ExitCode);
        Assert.Contains("(required_checks)", unchecked_.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, checkedOk.ExitCode);
        Assert.Equal(0, promoted.ExitCode);
        var head = log[0];
        Assert.Equal("apply", head.GetProperty("operation").GetString());
        Assert.Equal("cr-1", head.GetProperty("source").GetProperty("request").GetString());
        Assert.Equal("bob", head.GetProperty("source").GetProperty("approvers")[0].GetString());
        Assert.Equal(("evals", "pass"), (head.GetProperty("checks")[0].GetProperty("name").GetString(), head.GetProperty("checks")[0].GetProperty("result").GetString()));
        Assert.Equal(0, log[1].GetProperty("checks").GetArrayLength());
        var verify = await _verso.RunAsync("verify");
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task ADirectSaveOfAProtectedEntityExitsThreeNamingTheRule()
    {
        await SetUpAsync();

        var result = await _verso.RunAsync("save", "--new-kind", "charter", "alice", _verso.WriteFile("x.json", """{"text":"sneaky"}"""), "--by", "mallory");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(
            "verso: refused by policy/kind.charter@1 (direct_saves): charter/alice takes changes only through an applied change request (direct_saves: false), so a save is not allowed; propose the change and have it reviewed and applied\n",
            result.Stderr);
        Assert.Equal(1, (await _verso.RunAsync("--json", "log", "charter/alice")).Json().GetArrayLength());
    }

    [Fact]
    public async Task AConflictingApplyExitsThreeAndListsTheConflicts()
    {
        await _verso.InitializedAsync();
        await _verso.RunAsync("save", "--new-kind", "charter", "alice", _verso.WriteFile("c1.json", """{"text":"Be kind.","tone":"warm"}"""), "--by", "ops");
        await _verso.RunAsync("propose", "charter/alice", _verso.WriteFile("c2.json", """{"text":"Be brave.","tone":"warm"}"""), "--by", "ann");
        await _verso.RunAsync("save", "--new-kind", "charter", "alice", _verso.WriteFile("c3.json", """{"text":"Be careful.","tone":"warm"}"""), "--by", "ops");

        var result = await _verso.RunAsync("apply", "cr-1", "--by", "bob");
        var shown = await _verso.RunAsync("cr", "show", "cr-1");
        var resolved = await _verso.RunAsync("propose", "charter/alice", _verso.WriteFile("c4.json", """{"text":"Be brave, carefully.","tone":"warm"}"""), "--by", "ann", "--update", "cr-1");
        var applied = await _verso.RunAsync("apply", "cr-1", "--by", "bob");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cr-1 is stale", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("conflict at /text: head \"Be careful.\", proposal \"Be brave.\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--update cr-1", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("cr-1 stale", shown.Stdout, StringComparison.Ordinal);
        Assert.Contains("against head charter/alice@2", shown.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("updated cr-1 open charter/alice (base @2, revision 2)", resolved.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("applied cr-1 as charter/alice@3", applied.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingCheckOnProductionMovesTheTagBackAndSaysWhy()
    {
        await _verso.InitializedAsync();
        await _verso.RunAsync("save", "policy", "tag.production", _verso.WriteFile("t.json", """{"required_checks":["evals"],"on_fail":"rollback-tag"}"""), "--by", "admin");
        for (var n = 1; n <= 2; n++)
        {
            await _verso.RunAsync("save", "--new-kind", "charter", "alice", _verso.WriteFile("c.json", $$"""{"text":"v{{n}}"}"""), "--by", "ops");
            await _verso.RunAsync("check", $"charter/alice@{n}", "--name", "evals", "--result", "pass", "--by", "ci");
        }

        await _verso.RunAsync("tag", "charter/alice@2", "production", "--by", "ops");
        var failed = await _verso.RunAsync("check", "charter/alice@2", "--name", "evals", "--result", "fail", "--by", "ci", "-m", "toxicity up");
        var history = (await _verso.RunAsync("--json", "tags", "charter/alice", "--history")).Json();
        var show = await _verso.RunAsync("show", "charter/alice@2");

        Assert.Equal(0, failed.ExitCode);
        Assert.Contains("moved production back to charter/alice@1 (was @2)", failed.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, history[1].GetProperty("to_version").GetInt32());
        Assert.Contains("check evals failed on charter/alice@2 (ci): toxicity up", history[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("{\n  \"text\": \"v2\"\n}\n", show.Stdout);
        Assert.Contains("check evals: fail by ci", show.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("review", "cr-1", "--by", "bob")]
    [InlineData("review", "cr-1", "--approve", "--reject", "--by", "bob")]
    [InlineData("review", "cr-x", "--approve", "--by", "bob")]
    [InlineData("check", "charter/alice@1", "--name", "evals", "--result", "maybe", "--by", "ci")]
    [InlineData("crs", "--status", "merged")]
    [InlineData("save", "policy", "kind.charter", "bad-policy.json", "--by", "admin")]
    public async Task BadInputExitsTwo(params string[] args)
    {
        await SetUpAsync();
        _verso.WriteFile("bad-policy.json", """{"approvals":"two"}""");

        var result = await _verso.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task AnUnknownRequestIsNotFound()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("cr", "show", "cr-9");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("verso: not found: no change request cr-9\n", result.Stderr);
    }

    // A charter, a policy that it needs one approval and no direct saves, and a production tag that needs evals.
    private async Task SetUpAsync()
    {
        await _verso.InitializedAsync();
        await _verso.RunAsync("save", "--new-kind", "charter", "alice", _verso.WriteFile("c1.json", """{"text":"Be kind.","tone":"warm"}"""), "--by", "ops");
        await _verso.RunAsync("save", "policy", "kind.charter", _verso.WriteFile("p.json", """{"approvals":1,"direct_saves":false}"""), "--by", "admin");
        await _verso.RunAsync("save", "policy", "tag.production", _verso.WriteFile("t.json", """{"required_checks":["evals"]}"""), "--by", "admin");
    }
}
