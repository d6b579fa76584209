using Verso.Governance.ChangeRequests;
using Verso.Errors;
using Verso.Model.Snapshots;

namespace Verso.Testing.Contract.Review;

// Many people at once: every review kept, every id unique, every request applied at most once.
public abstract partial class ReviewContract
{
    [Fact]
    public async Task ConcurrentReviewsAreAllKept()
    {
        const int Reviewers = 8;
        var key = await CharterAsync();
        await PolicyAsync("kind.charter", $$"""{"approvals":{{Reviewers}}}""");
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave."}"""), Ann);

        await Task.WhenAll(Enumerable.Range(0, Reviewers).Select(n => Task.Run(() =>
            Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, new Actor($"reviewer-{n}"), $"ok {n}"))));

        var final = await Requests.GetAsync(request.Id);
        Assert.Equal(Reviewers, final.Approvers.Length);
        Assert.Equal(ChangeRequestStatus.Approved, final.Status);
        Assert.Equal(Reviewers + 1, final.Version);
    }

    [Fact]
    public async Task ConcurrentProposalsGetDistinctIds()
    {
        var key = await CharterAsync();

        var requests = await Task.WhenAll(Enumerable.Range(0, 8).Select(n => Task.Run(() =>
            Requests.ProposeAsync(key, Utf8($$"""{"text":"idea {{n}}"}"""), new Actor($"author-{n}")))));

        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"cr-{n}").ToHashSet(), requests.Select(r => r.Id).ToHashSet());
        Assert.Equal(8, await Requests.ListAsync().CountAsync());
    }

    [Fact]
    public async Task ConcurrentAppliesApplyARequestOnceAndLoseNoReview()
    {
        const int Appliers = 6;
        var key = await CharterAsync();
        var request = await Requests.ProposeAsync(key, Utf8("""{"text":"Be brave."}"""), Ann);
        await Requests.ReviewAsync(request.Id, ReviewVerdict.Approve, Bob);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Appliers).Select(n => Task.Run(async () =>
        {
            try
            {
                return (await Requests.ApplyAsync(request.Id, new Actor($"applier-{n}"))).IsApplied ? "applied" : "stale";
            }
            catch (RefusedException refused) when (refused.Message.Contains("already applied", StringComparison.Ordinal))
            {
                return "refused";
            }
        })).Append(Task.Run(async () =>
        {
            // A comment racing the applies is kept, whether it lands before or after the request is marked applied.
            try
            {
                await Requests.ReviewAsync(request.Id, ReviewVerdict.Comment, Carol, "late but here");
                return "commented";
            }
            catch (RefusedException)
            {
                return "too late";
            }
        })));

        var history = await Versions.GetHistoryAsync(key).ToArrayAsync();
        var final = await Requests.GetAsync(request.Id);
        Assert.Single(outcomes, o => o == "applied");
        Assert.Equal(Appliers - 1, outcomes.Count(o => o == "refused"));
        Assert.Single(history, v => v.Operation == VersionOperation.Apply);
        Assert.Equal(2, history.Length);
        Assert.Equal((ChangeRequestStatus.Applied, 2), (final.Status, final.AppliedVersion));
        Assert.Equal(outcomes.Contains("commented") ? 2 : 1, final.Reviews.Length);
    }
}
