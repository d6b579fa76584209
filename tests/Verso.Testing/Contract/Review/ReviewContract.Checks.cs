using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;

namespace Verso.Testing.Contract.Review;

// Checks on versions, and the tag policies that read them.
public abstract partial class ReviewContract
{
    [Fact]
    public async Task ChecksAreAppendOnlyAndPinnedToTheVersionTheyCheck()
    {
        var key = await CharterAsync();
        var target = VersionRef.ForVersion(key, 1);

        var first = await Checks.RecordAsync(target, "evals", passed: false, "ci", "https://ci.example/runs/1", "3 of 40 failed");
        var second = await Checks.RecordAsync(target, "evals", passed: true, "ci");
        var results = await Checks.ListAsync(key, 1);

        Assert.Equal((1, 2), (first.Sequence, second.Sequence));
        Assert.Equal([false, true], results.Select(r => r.Passed));
        Assert.Equal(("https://ci.example/runs/1", "3 of 40 failed"), (results[0].Url, results[0].Message));
        Assert.Equal((await Store.GetVersionAsync(key, 1))!.Hash, results[0].Target.Hash);
        Assert.Contains(await Store.FindReferrersAsync(key, 1), r => r.Key.Kind == PolicyKinds.CheckKind);
        Assert.Empty(await Checks.ListAsync(key, 2));
        await Assert.ThrowsAsync<NotFoundException>(() => Checks.RecordAsync(VersionRef.ForVersion(key, 9), "evals", true, "ci"));
    }

    [Fact]
    public async Task ATagMoveToProductionIsRefusedWithoutAPassingCheckAndAllowedAfterOne()
    {
        var key = await CharterAsync();
        await PolicyAsync("tag.production", """{"required_checks":["evals"]}""");
        var v1 = VersionRef.ForVersion(key, 1);

        var none = await Assert.ThrowsAsync<RefusedException>(() => Versions.TagAsync(v1, "production", "ops"));
        await Checks.RecordAsync(v1, "evals", passed: false, "ci");
        var failing = await Assert.ThrowsAsync<RefusedException>(() => Versions.TagAsync(v1, "production", "ops"));
        await Checks.RecordAsync(v1, "evals", passed: true, "ci");
        var moved = await Versions.TagAsync(v1, "production", "ops");
        var staging = await Versions.TagAsync(v1, "staging", "ops");

        Assert.Equal((PolicyRules.RequiredChecks, "policy/tag.production@1"), (none.Rule, none.Policy));
        Assert.Contains("'evals' has no result", none.Reason, StringComparison.Ordinal);
        Assert.Contains($"record a passing evals check on {v1}", none.Remedy, StringComparison.Ordinal);
        Assert.Contains("'evals' last failed (ci)", failing.Reason, StringComparison.Ordinal);
        Assert.Equal(1, moved!.ToVersion);
        Assert.NotNull(staging);
        Assert.Equal(1, await Store.GetTagAsync(key, "production"));
    }

    [Fact]
    public async Task AFailingCheckOnTheProductionVersionMovesTheTagBackToTheLastPassingVersion()
    {
        var key = await CharterAsync("one");
        await SaveAsync(key, """{"text":"two"}""");
        await SaveAsync(key, """{"text":"three"}""");
        await SaveAsync(key, """{"text":"four"}""");
        await PolicyAsync("tag.production", """{"required_checks":["evals"],"on_fail":"rollback-tag"}""");
        foreach (var version in new[] { 1, 2, 4 })
        {
            await Checks.RecordAsync(VersionRef.ForVersion(key, version), "evals", passed: true, "ci");
        }

        await Checks.RecordAsync(VersionRef.ForVersion(key, 3), "evals", passed: false, "ci");
        await Versions.TagAsync(VersionRef.ForVersion(key, 4), "production", "ops");
        await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: false, "ci", message: "regressed on replay");

        var failure = await Checks.RecordAsync(VersionRef.ForVersion(key, 4), "evals", passed: false, "ci", message: "toxicity 0.4");

        var move = Assert.Single(failure.TagRollbacks);
        Assert.Equal(("production", 4, 1), (move.Name, move.FromVersion, move.ToVersion));
        Assert.Equal(1, await Store.GetTagAsync(key, "production"));
        var history = await Store.GetTagHistoryAsync(key);
        Assert.Equal([4, 1], history.Select(m => m.ToVersion));
        Assert.Contains($"check evals failed on {key}@4 (ci): toxicity 0.4", history[^1].Reason, StringComparison.Ordinal);
        Assert.Contains("policy/tag.production@1", history[^1].Reason, StringComparison.Ordinal);
        Assert.Equal("ci", history[^1].MovedBy);
    }

    [Fact]
    public async Task AFailingCheckLeavesATagWithoutARollbackPolicyOrWithNoEarlierPassingVersion()
    {
        var key = await CharterAsync();
        await SaveAsync(key, """{"text":"two"}""");
        await PolicyAsync("tag.production", """{"required_checks":["evals"],"on_fail":"rollback-tag"}""");
        await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: true, "ci");
        await Versions.TagAsync(VersionRef.ForVersion(key, 2), "production", "ops");
        await Versions.TagAsync(VersionRef.ForVersion(key, 2), "canary", "ops");

        var failure = await Checks.RecordAsync(VersionRef.ForVersion(key, 2), "evals", passed: false, "ci");

        Assert.Empty(failure.TagRollbacks);
        Assert.Equal(["production"], failure.TagsLeft.ToArray());
        Assert.Equal((2, 2), (await Store.GetTagAsync(key, "production"), await Store.GetTagAsync(key, "canary")));
    }
}
