using System.Net;
using System.Net.Http.Headers;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Model.Snapshots;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    [Fact]
    public async Task AChangeRequestNeedsAnotherTokensApprovalAndAppliesAsAnApplyVersion()
    {
        var id = await NewDocAsync("""{"n":1}""");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("policy", "kind.doc", """{"approvals":1,"direct_saves":false}""", "saved_by=ops")).StatusCode);
        using var ann = await TokenClientAsync("ann", ApiRole.Writer);
        using var bob = await TokenClientAsync("bob", ApiRole.Writer);
        using var bot = await TokenClientAsync("bot", ApiRole.Writer, actAs: true);
        using var reader = await TokenClientAsync("rita", ApiRole.Reader);

        var proposal = $$"""{"kind":"doc","id":"{{id}}","record":{"n":2},"message":"bump"}""";
        await ProblemAsync(await reader.PostAsync("/api/v1/change-requests", Body(proposal)), 403);
        var proposed = await ReadAsync(await ann.PostAsync("/api/v1/change-requests", Body(proposal)));
        var cr = Text(proposed["id"]);
        Assert.Equal(("open", "ann"), (Text(proposed["status"]), Text(proposed["author"]!["name"])));

        var self = await ProblemAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve"}""")), 403);
        var viaActAs = await ProblemAsync(await bot.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve","saved_by":"ann"}""")), 403);
        var early = await ProblemAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/apply", null), 409);
        Assert.Equal("no_self_review", Text(self["rule"]));
        Assert.Equal("no_self_review", Text(viaActAs["rule"]));
        Assert.Equal(("approvals", "policy/kind.doc@1"), (Text(early["rule"]), Text(early["policy"])));
        Assert.False(string.IsNullOrEmpty(Text(early["remedy"])));

        var approved = await ReadAsync(await bob.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve","message":"fine"}""")));
        Assert.Equal("approved", Text(approved["status"]));
        Assert.Equal(["bob"], approved["approvers"]!.AsArray().Select(a => Text(a)));
        var shown = await ReadAsync(await reader.GetAsync($"/api/v1/change-requests/{cr}"));
        Assert.Equal("/n", Text(Assert.Single(shown["diff_base"]!.AsArray())!["path"]));
        Assert.Equal(2, Number(Assert.Single(shown["diff_head"]!.AsArray())!["new"]));

        var applied = await ReadAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/apply", null));
        Assert.Equal(($"doc/{id}@2", "applied"), (Text(applied["ref"]), Text(applied["request"]!["status"])));
        var head = await Store.GetLatestAsync(EntityKey.Create("doc", id));
        Assert.Equal((2, VersionOperation.Apply), (head!.Version, head.Operation));
        var listed = await ReadAsync(await reader.GetAsync($"/api/v1/change-requests?status=applied&kind=doc&id={id}"));
        Assert.Equal([cr], listed["items"]!.AsArray().Select(i => Text(i!["id"])));
        Assert.Empty((await ReadAsync(await reader.GetAsync("/api/v1/change-requests?status=open")))["items"]!.AsArray());
    }

    [Fact]
    public async Task ADirectSaveOfAProtectedEntityIs409WithTheRuleAndWritesNothing()
    {
        var id = await NewDocAsync("""{"n":1}""");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("policy", $"entity.doc.{id}", """{"direct_saves":false}""", "saved_by=ops")).StatusCode);

        var problem = await ProblemAsync(await PutAsync("doc", id, """{"n":2}"""), 409);

        Assert.Equal(("direct_saves", $"policy/entity.doc.{id}@1"), (Text(problem["rule"]), Text(problem["policy"])));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("doc", id)));
        var policies = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/policies"));
        Assert.Contains($"policy/entity.doc.{id}@1", policies["items"]!.AsArray().Select(p => Text(p!["policy"])));
    }

    [Fact]
    public async Task ACheckIsRecordedByTheTokenAndListedOnItsVersion()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");
        using var ci = await TokenClientAsync("ci", ApiRole.Writer);
        using var reader = await TokenClientAsync("rita", ApiRole.Reader);

        await ProblemAsync(await reader.PostAsync($"/api/v1/entities/doc/{id}/versions/2/checks", Body("""{"name":"lint","result":"pass"}""")), 403);
        await ProblemAsync(await ci.PostAsync($"/api/v1/entities/doc/{id}/versions/2/checks", Body("""{"name":"lint","result":"maybe"}""")), 400);
        var recorded = await ci.PostAsync($"/api/v1/entities/doc/{id}/versions/2/checks", Body("""{"name":"lint","result":"fail","message":"too long"}"""));
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);

        var listed = await ReadAsync(await reader.GetAsync($"/api/v1/entities/doc/{id}/versions/2/checks"));
        var check = Assert.Single(listed["items"]!.AsArray())!;
        Assert.Equal(("lint", "fail", "ci", "too long"), (Text(check["name"]), Text(check["result"]), Text(check["by"]), Text(check["message"])));
        Assert.Empty((await ReadAsync(await reader.GetAsync($"/api/v1/entities/doc/{id}/versions/1/checks")))["items"]!.AsArray());
        await ProblemAsync(await reader.GetAsync($"/api/v1/entities/doc/{id}/versions/9/checks"), 404);
    }

    [Fact]
    public async Task OnlyTheAuthorUpdatesOrWithdrawsAndAWithdrawnRequestCannotBeApplied()
    {
        var id = await NewDocAsync("""{"n":1}""");
        using var ann = await TokenClientAsync("ann", ApiRole.Writer);
        using var bob = await TokenClientAsync("bob", ApiRole.Writer);
        var cr = Text((await ReadAsync(await ann.PostAsync("/api/v1/change-requests", Body($$$"""{"kind":"doc","id":"{{{id}}}","record":{"n":2}}"""))))["id"]);

        var foreign = await ProblemAsync(await bob.PostAsync($"/api/v1/change-requests/{cr}/withdraw", null), 403);
        var updated = await ReadAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}", Body("""{"record":{"n":3},"message":"three"}""")));
        var withdrawn = await ReadAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/withdraw", null));
        var late = await ProblemAsync(await bob.PostAsync($"/api/v1/change-requests/{cr}/apply", null), 409);

        Assert.Equal("author_only", Text(foreign["rule"]));
        Assert.Equal((2, 3), (Number(updated["revision"]), Number(updated["proposal"]!["n"])));
        Assert.Equal("withdrawn", Text(withdrawn["status"]));
        Assert.Equal("status", Text(late["rule"]));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("doc", id)));
    }

    private async Task<HttpClient> TokenClientAsync(string name, ApiRole role, bool actAs = false)
    {
        var (_, token) = await new TokenStore(Store).AddAsync(name, role, [], actAs, "test");
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
