using Verso.Governance.ChangeRequests;
using Verso.Errors;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Testing.Contract.Review;

// Applying: the version it makes, merging with a moved head, and the rules against direct changes.
public abstract partial class ReviewContract
{
    [Fact]
    public async Task AnAppliedVersionRecordsTheRequestAndItsApproversUnderTheChain()
    {
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave.","tone":"warm"}"""), Ann, "braver");
        await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);

        var result = await Requests.ApplyAsync(request.Id, Ann);
        var stored = (await Store.GetVersionAsync(key, 2))!;

        Assert.Equal((VersionOperation.Apply, "ann", false), (stored.Operation, stored.SavedBy, result.Merged));
        Assert.Equal(VersionSource.ForChangeRequest(request.Id, ["bob"]), stored.Source);
        Assert.Equal("apply cr-1: braver", stored.Message);
        Assert.Equal("""{"text":"Be brave.","tone":"warm"}""", stored.ContentText());
        Assert.Equal((ChangeRequestStatus.Applied, 2), (result.Request.Status, result.Request.AppliedVersion));
        Assert.Equal(ChainHash.Compute((await Store.GetVersionAsync(key, 1))!.ChainHash, stored), stored.ChainHash);
        Assert.True((await IntegrityVerifier.VerifyAsync(Store, Versions.Kinds)).IsIntact);
        var again = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        Assert.Contains($"already applied (as {key}@2)", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyOnAMovedHeadMergesCleanlyWhenTheChangesDoNotOverlap()
    {
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave.","tone":"warm"}"""), Ann);
        await SaveAsync(key, """{"text":"Be kind.","tone":"dry"}""");

        var result = await Requests.ApplyAsync(request.Id, Bob);

        Assert.True(result.IsApplied);
        Assert.True(result.Merged);
        Assert.Equal("""{"text":"Be brave.","tone":"dry"}""", result.Applied!.ContentText());
        Assert.Equal(3, result.Applied.Version);
    }

    [Fact]
    public async Task ApplyOnAMovedHeadThatConflictsMarksTheRequestStaleWithItsConflicts()
    {
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave.","tone":"warm"}"""), Ann);
        await SaveAsync(key, """{"text":"Be careful.","tone":"warm"}""");

        var result = await Requests.ApplyAsync(request.Id, Bob);

        Assert.False(result.IsApplied);
        Assert.Equal(ChangeRequestStatus.Stale, result.Request.Status);
        Assert.Equal(["/text"], result.Request.Conflicts.ToArray());
        Assert.Equal(["/text"], result.Conflicts.Select(c => c.Path));
        Assert.Equal(2, await Store.CountVersionsAsync(key));

        // The author resolves it against the new head; the request is open again and applies.
        var resolved = await Requests.UpdateAsync(request.Id, Utf8("""{"text":"Be brave, carefully.","tone":"warm"}"""), Ann);
        Assert.Equal((ChangeRequestStatus.Open, 2), (resolved.Status, resolved.BaseVersion));
        Assert.Empty(resolved.Conflicts);
        Assert.Equal("""{"text":"Be brave, carefully.","tone":"warm"}""", (await Requests.ApplyAsync(request.Id, Bob)).Applied!.ContentText());
    }

    [Fact]
    public async Task ADirectSaveOrRollbackOfAProtectedEntityIsRefusedButAnApplyGoesThrough()
    {
        var key = await CharterAsync();
        await PolicyAsync($"entity.{key.Kind}.{key.Id}", """{"direct_saves":false}""");

        var save = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(key, """{"text":"sneaky"}"""));
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"reviewed"}"""), Ann);
        var applied = await Requests.ApplyAsync(request.Id, Ann);
        var rollback = await Assert.ThrowsAsync<RefusedException>(() => Versions.RollbackAsync(key, 1, new SaveOptions("ops")));

        Assert.Equal((PolicyRules.DirectSaves, $"policy/entity.{key.Kind}.{key.Id}@1"), (save.Rule, save.Policy));
        Assert.Contains("only through an applied change request", save.Reason, StringComparison.Ordinal);
        Assert.Contains("propose the change", save.Remedy, StringComparison.Ordinal);
        Assert.Equal(PolicyRules.DirectSaves, rollback.Rule);
        Assert.Equal(2, applied.Applied!.Version);
        // A save that would change nothing is not a change: re-importing an exported protected entity is a no-op.
        var same = await Versions.SaveAsync(key, Utf8("""{"text":"reviewed"}"""), new SaveOptions("ops"));
        Assert.Equal((Verso.Storage.AppendOutcome.Unchanged, 2), (same.Outcome, same.Head.Version));
        await Assert.ThrowsAsync<RefusedException>(() => Versions.SaveAsync(key, Utf8("""{"text":"reviewed"}"""), new SaveOptions("ops") { Force = true }));
        // Another charter, not covered by the entity policy, still saves directly.
        Assert.Equal(1, (await Versions.SaveAsync(Some.Key("charter"), Utf8("""{"text":"free"}"""), new SaveOptions("ops"))).Head.Version);
    }

    [Fact]
    public async Task ChangeRequestsAndChecksCannotBeWrittenDirectly()
    {
        var key = await CharterAsync();
        await Requests.ProposeAsync(key, Utf8("""{"text":"x"}"""), Ann);

        var forged = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(EntityKey.Create("change-request", "cr-1"), """{"status":"approved"}"""));
        var check = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(EntityKey.Create("check", $"{key.Kind}.{key.Id}.1"), """{"result":"pass"}"""));

        Assert.Equal(PolicyRules.Reserved, forged.Rule);
        Assert.Equal(PolicyRules.Reserved, check.Rule);
        Assert.Equal(ChangeRequestStatus.Open, (await Requests.GetAsync("cr-1")).Status);
    }

    [Fact]
    public async Task APolicyChangeThatNeedsReviewCannotBeAppliedByItsAuthorAlone()
    {
        await PolicyAsync("kind.charter", """{"approvals":1}""");
        await PolicyAsync("kind.policy", """{"approvals":1,"direct_saves":false}""");
        var policy = EntityKey.Create("policy", "kind.charter");

        var direct = await Assert.ThrowsAsync<RefusedException>(() => PolicyAsync("kind.charter", """{"approvals":0}"""));
        var request = await Requests.ProposeAsync(policy, Utf8("""{"approvals":0}"""), Ann, "loosen");
        var alone = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        var selfApproval = await Assert.ThrowsAsync<RefusedException>(() => Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, new Actor("ann-token", ActingFor: "ann")));
        await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);
        var applied = await Requests.ApplyAsync(request.Id, Ann);

        Assert.Equal((PolicyRules.DirectSaves, "policy/kind.policy@1"), (direct.Rule, direct.Policy));
        Assert.Equal((PolicyRules.Approvals, "policy/kind.policy@1"), (alone.Rule, alone.Policy));
        Assert.Equal(PolicyRules.NoSelfReview, selfApproval.Rule);
        Assert.Equal((2, VersionOperation.Apply), (applied.Applied!.Version, applied.Applied.Operation));
        Assert.Equal(0, (await Versions.Policies.ForEntityAsync(Some.Key("charter"))).Single().Approvals);
    }

    [Fact]
    public async Task APolicyRecordIsValidatedAndMustFitItsScope()
    {
        var badField = await Assert.ThrowsAsync<InvalidRecordException>(() => PolicyAsync("kind.charter", """{"approvals":-1}"""));
        var wrongScope = await Assert.ThrowsAsync<InvalidRecordException>(() => PolicyAsync("tag.production", """{"approvals":1}"""));
        var badId = await Assert.ThrowsAsync<InvalidNameException>(() => PolicyAsync("charter", """{"approvals":1}"""));

        Assert.Equal("/approvals", badField.Problems.Single().Path);
        Assert.Contains("does not belong in a tag policy", wrongScope.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Contains("kind.KIND, entity.KIND.ID or tag.NAME", badId.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.CountVersionsAsync(EntityKey.Create("policy", "kind.charter")));
    }
}
