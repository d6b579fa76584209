using Verso.Governance.ChangeRequests;
using Verso.Errors;
using Verso.Governance.Policies;

namespace Verso.Testing.Contract.Review;

// Who may approve, and how many approvals a change needs.
public abstract partial class ReviewContract
{
    [Fact]
    public async Task AProposalChangesNothingUntilApplied()
    {
        var key = await CharterAsync();

        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave.","tone":"warm"}"""), Ann, "braver");

        Assert.Equal(("cr-1", ChangeRequestStatus.Open, 1, 1), (request.Id, request.Status, request.BaseVersion, request.Revision));
        Assert.Equal(1, await Store.CountVersionsAsync(key));
        Assert.Equal(request, await Requests.GetAsync("cr-1"));
    }

    [Fact]
    public async Task TheAuthorCannotApproveTheirOwnRequestNorCanAnyoneActingForThem()
    {
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"x"}"""), Ann);
        var byProxy = await Requests.ProposeAsync(key, Utf8("""{"text":"y"}"""), new Actor("deploy-bot", ActingFor: "carol"));

        var self = await Assert.ThrowsAsync<RefusedException>(() => Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Ann));
        var actingForAuthor = await Assert.ThrowsAsync<RefusedException>(() => Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, new Actor("token-7", ActingFor: "ann")));
        var authorOfProxy = await Assert.ThrowsAsync<RefusedException>(() => Requests.ReviewAsync(byProxy.Id, ReviewVerdict.Approve, Carol));
        var proxyItself = await Assert.ThrowsAsync<RefusedException>(() => Requests.ReviewAsync(byProxy.Id, ReviewVerdict.Reject, new Actor("deploy-bot", ActingFor: "bob")));

        Assert.All([self, actingForAuthor, authorOfProxy, proxyItself], refusal => Assert.Equal(PolicyRules.NoSelfReview, refusal.Rule));
        Assert.Contains("proposed by ann", self.Message, StringComparison.Ordinal);
        Assert.Contains("someone other than the author", self.Remedy, StringComparison.Ordinal);
        Assert.Empty((await Requests.GetAsync(request.Id)).Reviews);
        // A comment is not a review verdict: the author may answer in the thread.
        Assert.Single((await Requests.ReviewAsync(request.Id, ReviewVerdict.Comment, Ann, "see the incident")).Reviews);
    }

    [Fact]
    public async Task TwoApprovalsFromDistinctPeopleAreNeededWhenThePolicySaysTwo()
    {
        var key = await CharterAsync();
        await PolicyAsync("kind.charter", """{"approvals":2}""");
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave.","tone":"warm"}"""), Ann);

        var once = await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);
        var twiceBySamePerson = await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, new Actor("bob-laptop", ActingFor: "bob"));
        var refused = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        var second = await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Carol);
        var applied = await Requests.ApplyAsync(request.Id, Ann);

        Assert.Equal(ChangeRequestStatus.Open, once.Status);
        Assert.Equal(["bob"], twiceBySamePerson.Approvers.ToArray());
        Assert.Equal((PolicyRules.Approvals, "policy/kind.charter@1"), (refused.Rule, refused.Policy));
        Assert.Contains("needs 2 approvals", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("has 1 (bob)", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("1 more reviewer", refused.Remedy, StringComparison.Ordinal);
        Assert.Equal(ChangeRequestStatus.Approved, second.Status);
        Assert.Equal(ChangeRequestStatus.Applied, applied.Request.Status);
        Assert.Equal(["bob", "carol"], applied.Applied!.Source!.Approvers.ToArray());
    }

    [Fact]
    public async Task OnlyMembersOfThePolicysGroupCount()
    {
        var key = await CharterAsync();
        await PolicyAsync("kind.charter", """{"approvals":1,"group":"charter-owners"}""");
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave."}"""), Ann);
        await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);

        var noGroup = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        await SaveAsync(Verso.Naming.EntityKey.Create("group", "charter-owners"), """{"members":["carol"]}""", "admin");
        var notMember = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Carol);
        var applied = await Requests.ApplyAsync(request.Id, Ann);

        Assert.Equal(PolicyRules.Group, noGroup.Rule);
        Assert.Contains("group/charter-owners, which does not exist", noGroup.Message, StringComparison.Ordinal);
        Assert.Equal(PolicyRules.Approvals, notMember.Rule);
        Assert.Contains("from group/charter-owners", notMember.Reason, StringComparison.Ordinal);
        Assert.True(applied.IsApplied);
    }

    [Fact]
    public async Task AnUpdateClearsTheApprovalsOfEarlierRevisions()
    {
        var key = await CharterAsync();
        await PolicyAsync("kind.charter", """{"approvals":1}""");
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave."}"""), Ann);
        var approved = await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);

        var updated = await Requests.UpdateAsync(request.Id, Utf8("""{"text":"Be very brave."}"""), Ann, "stronger");
        var refused = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Ann));
        var notAuthor = await Assert.ThrowsAsync<RefusedException>(() => Requests.UpdateAsync(request.Id, Utf8("""{"text":"mine"}"""), Bob));

        Assert.Equal(ChangeRequestStatus.Approved, approved.Status);
        Assert.Equal((ChangeRequestStatus.Open, 2), (updated.Status, updated.Revision));
        Assert.Empty(updated.Approvers);
        Assert.Single(updated.Reviews);
        Assert.Equal(PolicyRules.Approvals, refused.Rule);
        Assert.Equal(PolicyRules.AuthorOnly, notAuthor.Rule);
        // Every state is kept: proposed, approved, updated.
        var history = await Requests.HistoryAsync(request.Id).ToArrayAsync();
        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
        Assert.Equal("""{"text":"Be brave."}""", history[^1].Proposal.ToString());
    }

    [Fact]
    public async Task ARejectionBlocksTheApplyUntilTheReviewerApproves()
    {
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be loud."}"""), Ann);

        var rejected = await Requests.ReviewAsync(request.Id, ReviewVerdict.Reject, Bob, "too loud");
        var refused = await Assert.ThrowsAsync<RefusedException>(() => Requests.ApplyAsync(request.Id, Carol));
        var turned = await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob, "fine after all");

        Assert.Equal(ChangeRequestStatus.Rejected, rejected.Status);
        Assert.Equal(PolicyRules.Status, refused.Rule);
        Assert.Contains("rejected by bob", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(ChangeRequestStatus.Approved, turned.Status);
        Assert.True((await Requests.ApplyAsync(request.Id, Carol)).IsApplied);
    }
}
