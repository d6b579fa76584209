using Verso.Cli.Tests.Support;
using Verso.Versioning.Rollouts;

namespace Verso.Cli.Tests;

public sealed class RolloutCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ARolloutStartsResolvesByBucketAdvancesAndIsPromotedFromTheCommandLine()
    {
        await SaveAsync(2);
        await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "ops");

        var started = (await _verso.RunAsync("--json", "rollout", "start", "note/alice", "production", "--candidate", "2", "--weight", "2500",
            "--steps", "2500,5000,10000", "--bucket-by", "user_id", "--by", "ops", "-m", "canary")).Json();
        var salt = started.GetProperty("salt").GetString()!;
        Assert.Equal(("active", 1, 2_500), (started.GetProperty("state").GetString(), started.GetProperty("version").GetInt32(),
            started.GetProperty("candidates")[0].GetProperty("weight").GetInt32()));

        foreach (var subject in new[] { "u1", "u2", "tenant:7", "é" })
        {
            var resolved = (await _verso.RunAsync("--json", "resolve", "note/alice", "--label", "production", "--subject", subject)).Json();
            var bucket = RolloutBuckets.Of(salt, subject);
            Assert.Equal((bucket, bucket < 2_500 ? 2 : 1, 1), (resolved.GetProperty("bucket").GetInt32(), resolved.GetProperty("version").GetInt32(), resolved.GetProperty("rollout_version").GetInt32()));
            Assert.StartsWith("sha256:", resolved.GetProperty("hash").GetString(), StringComparison.Ordinal);
        }

        var plain = await _verso.RunAsync("resolve", "note/alice", "--label", "production");
        Assert.StartsWith("note/alice@1 sha256:", plain.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("(control)\n", plain.Stdout, StringComparison.Ordinal);

        var advanced = await _verso.RunAsync("rollout", "advance", "note/alice", "production", "--by", "ops");
        Assert.Contains("@2 5000 bp", advanced.Stdout, StringComparison.Ordinal);
        var set = (await _verso.RunAsync("--json", "rollout", "set", "note/alice", "production", "--weight", "6000", "--by", "ops")).Json();
        Assert.Equal(6_000, set.GetProperty("candidates")[0].GetProperty("weight").GetInt32());
        var status = (await _verso.RunAsync("--json", "rollout", "status", "note/alice", "production")).Json();
        Assert.Equal((salt, 3), (status.GetProperty("salt").GetString(), status.GetProperty("version").GetInt32()));

        var promoted = await _verso.RunAsync("rollout", "promote", "note/alice", "production", "--by", "ops");
        Assert.Equal(0, promoted.ExitCode);
        Assert.Equal(2, (await _verso.RunAsync("--json", "tags", "note/alice")).Json().GetProperty("production").GetInt32());
        var history = (await _verso.RunAsync("--json", "rollout", "history", "note/alice", "production")).Json();
        Assert.Equal(4, history.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task BadInputExitsTwoAConflictThreeAndAMissingRolloutFour()
    {
        await SaveAsync(2);
        await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "ops");

        var tooHeavy = await _verso.RunAsync("rollout", "start", "note/alice", "production", "--candidate", "2", "--weight", "10001", "--by", "ops");
        var badSteps = await _verso.RunAsync("rollout", "start", "note/alice", "production", "--candidate", "2", "--weight", "5", "--steps", "5,x", "--by", "ops");
        var missing = await _verso.RunAsync("rollout", "status", "note/alice", "production");
        await _verso.RunAsync("rollout", "start", "note/alice", "production", "--candidate", "2", "--weight", "500", "--by", "ops");
        var twice = await _verso.RunAsync("rollout", "start", "note/alice", "production", "--candidate", "2", "--weight", "500", "--by", "ops");
        var noReason = await _verso.RunAsync("rollout", "abort", "note/alice", "production", "--by", "ops");
        var aborted = await _verso.RunAsync("rollout", "abort", "note/alice", "production", "--by", "ops", "--reason", "errors up");

        Assert.Equal((2, 2, 4, 3, 2, 0), (tooHeavy.ExitCode, badSteps.ExitCode, missing.ExitCode, twice.ExitCode, noReason.ExitCode, aborted.ExitCode));
        Assert.Contains("10001 is not", tooHeavy.Stderr, StringComparison.Ordinal);
        Assert.Single(tooHeavy.Stderr.Trim().Split('\n'));
        Assert.Contains("aborted", aborted.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("note/alice@1 ", (await _verso.RunAsync("resolve", "note/alice", "--label", "production", "--subject", "anyone")).Stdout, StringComparison.Ordinal);
    }

    private async Task SaveAsync(int versions)
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= versions; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "note", "alice", "v.json", "--by", "ops", "--new-kind");
        }
    }
}
