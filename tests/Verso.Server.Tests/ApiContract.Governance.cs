using System.Net;
using System.Net.Http.Headers;
using Verso.Naming;
using Verso.Server.Security;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

// Case 3 of the security review: a writer relaxed the review it was bound by by rewriting the policy.
public abstract partial class ApiContract
{
    private async Task<HttpClient> ScopedClientAsync(string name, ApiRole role, string[] kinds)
    {
        var (_, token) = await new TokenStore(Store).AddAsync(name, role, kinds, false, "test");
        var client = _factory!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task AWriterCannotRelaxThePolicyThatBindsIt()
    {
        using var admin = await TokenClientAsync("ops", ApiRole.Admin);
        using var writer = await TokenClientAsync("ci", ApiRole.Writer);
        using var policyWriter = await ScopedClientAsync("policy-bot", ApiRole.Writer, ["policy", "group", "doc"]);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/v1/entities/doc/alice", Body("""{"name":"alice"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/v1/entities/policy/kind.doc", Body("""{"approvals":1,"direct_saves":false}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/v1/entities/group/reviewers", Body("""{"members":["ops"]}"""))).StatusCode);

        // The report's steps, by a writer and by a writer limited to the policy kind itself.
        foreach (var client in new[] { writer, policyWriter })
        {
            var relax = await ProblemAsync(await client.PutAsync("/api/v1/entities/policy/kind.doc", Body("""{"approvals":0,"direct_saves":true}""")), 403);
            Assert.Equal("admin", Text(relax["required_role"]));
            await ProblemAsync(await client.PutAsync("/api/v1/entities/policy/kind.doc?force=true", Body("""{"approvals":1,"direct_saves":false}""")), 403);
            await ProblemAsync(await client.PostAsync("/api/v1/entities/policy/kind.doc/rollback", Body("""{"to":1}""")), 403);
            await ProblemAsync(await client.PutAsync("/api/v1/entities/group/reviewers", Body("""{"members":["ops","ci"]}""")), 403);
            await ProblemAsync(await client.PostAsync("/api/v1/change-requests", Body("""{"kind":"policy","id":"kind.doc","record":{"approvals":0}}""")), 403);
            await ProblemAsync(await client.PutAsync("/api/v1/entities/doc/alice", Body("""{"name":"mallory"}""")), 409);
        }

        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("policy", "kind.doc")));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("group", "reviewers")));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("doc", "alice")));
        Assert.Empty(await Store.ListTagsAsync(EntityKey.Create("policy", "kind.doc")));
    }

    [Fact]
    public async Task UnderPolicyKindPolicyAnAdminsPolicyChangeNeedsAnotherAdminsApproval()
    {
        using var ann = await TokenClientAsync("ann", ApiRole.Admin);
        using var bob = await TokenClientAsync("bob", ApiRole.Admin);
        using var writer = await TokenClientAsync("ci", ApiRole.Writer);
        Assert.Equal(HttpStatusCode.Created, (await ann.PutAsync("/api/v1/entities/policy/kind.doc", Body("""{"approvals":1,"direct_saves":false}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ann.PutAsync("/api/v1/entities/policy/kind.policy", Body("""{"approvals":1,"direct_saves":false}"""))).StatusCode);

        var direct = await ProblemAsync(await ann.PutAsync("/api/v1/entities/policy/kind.doc", Body("""{"approvals":0,"direct_saves":true}""")), 409);
        Assert.Equal("direct_saves", Text(direct["rule"]));
        var cr = Text((await ReadAsync(await ann.PostAsync("/api/v1/change-requests", Body("""{"kind":"policy","id":"kind.doc","record":{"approvals":0,"direct_saves":true}}"""))))["id"]);
        var self = await ProblemAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve"}""")), 403);
        Assert.Equal("no_self_review", Text(self["rule"]));
        await ProblemAsync(await writer.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve"}""")), 403);
        await ProblemAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/apply", null), 409);
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("policy", "kind.doc")));

        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"approve"}"""))).StatusCode);
        await ProblemAsync(await writer.PostAsync($"/api/v1/change-requests/{cr}/apply", null), 403);
        var applied = await ReadAsync(await ann.PostAsync($"/api/v1/change-requests/{cr}/apply", null));

        Assert.Equal("policy/kind.doc@2", Text(applied["ref"]));
        var head = (await Store.GetLatestAsync(EntityKey.Create("policy", "kind.doc")))!;
        Assert.Equal("ann", head.SavedBy);
        Assert.Equal((cr, "bob"), (head.Source?.ChangeRequest, Assert.Single(head.Source!.Approvers)));
    }
}
