using System.Net;
using Verso.Naming;
using Verso.Server.Security;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    [Fact]
    public async Task ApplyOnAMovedHeadMergesACleanRequestAndLeavesAConflictingOneStaleWithItsConflicts()
    {
        var id = await NewDocAsync("""{"m":1,"n":1}""");
        using var ann = await TokenClientAsync("ann", ApiRole.Writer);
        using var bob = await TokenClientAsync("bob", ApiRole.Writer);
        var clashing = Text((await ReadAsync(await ann.PostAsync("/api/v1/change-requests", Body($$$"""{"kind":"doc","id":"{{{id}}}","record":{"m":1,"n":2}}"""))))["id"]);
        var clean = Text((await ReadAsync(await ann.PostAsync("/api/v1/change-requests", Body($$$"""{"kind":"doc","id":"{{{id}}}","record":{"m":2,"n":1}}"""))))["id"]);
        // Someone saves the entity meanwhile, changing n too.
        Assert.Equal(HttpStatusCode.Created, (await bob.PutAsync($"/api/v1/entities/doc/{id}", Body("""{"m":1,"n":3}"""))).StatusCode);

        var stale = await ProblemAsync(await bob.PostAsync($"/api/v1/change-requests/{clashing}/apply", null), 409);
        Assert.Equal("urn:verso:problem:stale", Text(stale["type"]));
        Assert.Equal((clashing, "/n"), (Text(stale["cr"]), Text(Assert.Single(stale["conflicts"]!.AsArray()))));
        var kept = await ReadAsync(await bob.GetAsync($"/api/v1/change-requests/{clashing}"));
        Assert.Equal(("stale", "/n"), (Text(kept["request"]!["status"]), Text(Assert.Single(kept["request"]!["conflicts"]!.AsArray()))));
        Assert.Equal(2, await Store.CountVersionsAsync(EntityKey.Create("doc", id)));
        Assert.Equal([clashing], (await ReadAsync(await bob.GetAsync("/api/v1/change-requests?status=stale")))["items"]!.AsArray().Select(i => Text(i!["id"])));

        // The reviewer's two comparisons: what the proposal changes in its base, and what it would undo in the head.
        var againstBase = await ReadAsync(await bob.GetAsync($"/api/v1/change-requests/{clashing}/diff"));
        var againstHead = await ReadAsync(await bob.GetAsync($"/api/v1/change-requests/{clashing}/diff?against=head"));
        Assert.Equal(($"doc/{id}@1", 1, 2), (Text(againstBase["from"]), Number(againstBase["changes"]![0]!["old"]), Number(againstBase["changes"]![0]!["new"])));
        Assert.Equal(($"doc/{id}@2", 3, 2), (Text(againstHead["from"]), Number(againstHead["changes"]![0]!["old"]), Number(againstHead["changes"]![0]!["new"])));
        await ProblemAsync(await bob.GetAsync($"/api/v1/change-requests/{clashing}/diff?against=tail"), 400);

        var merged = await ReadAsync(await bob.PostAsync($"/api/v1/change-requests/{clean}/apply", null));
        Assert.True(merged["merged"]!.GetValue<bool>());
        Assert.Equal("""{"m":2,"n":3}""", Canon((await ReadAsync(await bob.GetAsync($"/api/v1/entities/doc/{id}")))["content"]));
    }

    [Fact]
    public async Task ATagMoveToProductionIsRefusedNamingTheRuleAndCheckUntilAPassingCheckIsRecorded()
    {
        var id = await NewDocAsync("""{"n":1}""");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("policy", "tag.production", """{"required_checks":["evals"]}""", "saved_by=ops")).StatusCode);
        using var ci = await TokenClientAsync("ci", ApiRole.Writer);
        using var ops = await TokenClientAsync("ops", ApiRole.Writer);
        var move = $"/api/v1/entities/doc/{id}/tags/production";

        var before = Assert.Single((await ReadAsync(await ops.GetAsync($"/api/v1/entities/doc/{id}/promotion")))["items"]!.AsArray())!;
        Assert.Equal(("production", false, "required_checks"), (Text(before["tag"]), before["promotable"]!.GetValue<bool>(), Text(before["rule"])));
        Assert.Null(Assert.Single(before["unmet"]!.AsArray())!["result"]);
        var refused = await ProblemAsync(await ops.PutAsync(move, Body("""{"version":1}""")), 409);
        Assert.Equal(("required_checks", "policy/tag.production@1"), (Text(refused["rule"]), Text(refused["policy"])));
        Assert.Contains("evals: pass", Text(refused["detail"]), StringComparison.Ordinal);
        Assert.Contains("evals", Text(refused["remedy"]), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Created, (await ci.PostAsync($"/api/v1/entities/doc/{id}/versions/1/checks", Body("""{"name":"evals","result":"fail"}"""))).StatusCode);
        await ProblemAsync(await ops.PutAsync(move, Body("""{"version":1}""")), 409);
        var failed = Assert.Single((await ReadAsync(await ops.GetAsync($"/api/v1/entities/doc/{id}/promotion?version=1")))["items"]!.AsArray())!;
        Assert.Equal(("fail", "ci"), (Text(failed["unmet"]![0]!["result"]), Text(failed["unmet"]![0]!["by"])));
        Assert.Empty((await ReadAsync(await ops.GetAsync($"/api/v1/entities/doc/{id}/tags"))).AsObject());

        Assert.Equal(HttpStatusCode.Created, (await ci.PostAsync($"/api/v1/entities/doc/{id}/versions/1/checks", Body("""{"name":"evals","result":"pass"}"""))).StatusCode);
        var after = Assert.Single((await ReadAsync(await ops.GetAsync($"/api/v1/entities/doc/{id}/promotion")))["items"]!.AsArray())!;
        Assert.True(after["promotable"]!.GetValue<bool>());
        Assert.Empty(after["unmet"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, (await ops.PutAsync(move, Body("""{"version":1}"""))).StatusCode);
        Assert.Equal(1, Number((await ReadAsync(await ops.GetAsync($"/api/v1/entities/doc/{id}/tags")))["production"]));
    }
}
