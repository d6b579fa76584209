using System.Net;
using System.Net.Http.Headers;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    [Fact]
    public async Task ACleanMergeIsShownOrSavedAndAConflictIs409WithEveryConflict()
    {
        var id = await NewDocAsync("""{"a":1,"b":1}""", """{"a":2,"b":1}""", """{"a":1,"b":3}""");

        var shown = await ReadAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/merge", Body("""{"base":1,"ours":2,"theirs":3}""")));
        Assert.True(shown["clean"]!.GetValue<bool>());
        Assert.Equal("""{"a":2,"b":3}""", Canon(shown["merged"]));
        Assert.Equal(3, await Store.CountVersionsAsync(Naming.EntityKey.Create("doc", id)));

        var saved = await Client.PostAsync($"/api/v1/entities/doc/{id}/merge", Body("""{"base":1,"ours":2,"content":{"a":1,"b":5},"save":true,"message":"combine"}"""));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var head = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}"));
        Assert.Equal(("merge", """{"a":2,"b":5}"""), (Text(head["operation"]), Canon(head["content"])));
        Assert.EndsWith(": combine", Text(head["message"]), StringComparison.Ordinal);

        var conflict = await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/merge", Body("""{"base":1,"ours":2,"content":{"a":7,"b":1},"save":true}""")), 409);
        Assert.Equal("urn:verso:problem:merge-conflict", Text(conflict["type"]));
        var only = Assert.Single(conflict["conflicts"]!.AsArray())!;
        Assert.Equal(("/a", 1, 2, 7), (Text(only["path"]), Number(only["base"]), Number(only["ours"]), Number(only["theirs"])));
        Assert.Equal(4, await Store.CountVersionsAsync(Naming.EntityKey.Create("doc", id)));
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/merge", Body("""{"base":1,"ours":2}""")), 400);
    }

    [Fact]
    public async Task ADecisionPinsTheChartersInForceAndTheyListItAsAReferrer()
    {
        foreach (var agent in new[] { "alice", "maya" })
        {
            Assert.Equal(HttpStatusCode.Created, (await Client.PutAsync($"/api/v1/entities/agent/{agent}?saved_by=ops", Body(SampleOrganization.Bytes("agent", agent)))).StatusCode);
        }

        var task = Some.Id("task");
        var response = await Client.PostAsync("/api/v1/decisions", Body($$"""
            {"task":"{{task}}","executor":"alice","reviewer":"maya","decision":"approved",
             "executed_at":"{{Naming.Timestamp.Format(DateTimeOffset.UtcNow)}}","reason":"tests pass","criteria":["coverage"]}
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await ReadAsync(response);
        Assert.Equal($"decision/{task}@1", Text(decision["ref"]));
        var pins = decision["pinned_charters"]!.AsArray().Select(p => Text(p)).ToList();
        Assert.Equal(2, pins.Count);
        Assert.StartsWith("agent/alice@1 sha256:", pins[0], StringComparison.Ordinal);
        var referrers = await ReadAsync(await Client.GetAsync("/api/v1/entities/agent/alice/referrers?version=1"));
        Assert.Equal([$"decision/{task}@1"], referrers["referred_by"]!.AsArray().Select(r => Text(r)));

        var self = await ProblemAsync(await Client.PostAsync("/api/v1/decisions", Body($$"""
            {"task":"{{task}}-2","executor":"alice","reviewer":"alice","decision":"approved","executed_at":"2026-11-01T12:00:00Z"}
            """)), 422);
        Assert.Contains(self["problems"]!.AsArray(), p => Text(p!["path"]) == "/reviewer");
        await ProblemAsync(await Client.PostAsync("/api/v1/decisions", Body("""{"task":"t","executor":"alice","reviewer":"maya","decision":"maybe","executed_at":"2026-11-01T12:00:00Z"}""")), 400);
    }

    [Fact]
    public async Task VerifyReportsAnIntactStoreAsJsonOrAsAStream()
    {
        await NewDocAsync("""{"n":1}""", """{"n":2}""");

        var report = await ReadAsync(await Client.PostAsync("/api/v1/verify", null));
        Assert.True(report["intact"]!.GetValue<bool>());
        Assert.True(Number(report["versions"]) >= 2);
        Assert.Empty(report["problems"]!.AsArray());
        Assert.Empty(report["storage_problems"]!.AsArray());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/verify");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var stream = await Client.SendAsync(request);
        var text = await stream.Content.ReadAsStringAsync();
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        Assert.Contains("event: report\ndata: {\"intact\":true", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PruneDropsOldContentAndEraseRemovesOneContentEverywhere()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");

        var dry = await ReadAsync(await Client.PostAsync("/api/v1/prune", Body($$"""{"entity":"doc/{{id}}","keep":1,"dry_run":true}""")));
        Assert.Equal((true, 2), (dry["dry_run"]!.GetValue<bool>(), Number(dry["versions"])));
        Assert.NotNull((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1")))["content"]);

        var pruned = await ReadAsync(await Client.PostAsync("/api/v1/prune", Body($$"""{"entity":"doc/{{id}}","keep":2,"reason":"retention"}""")));
        Assert.Equal([1], pruned["entities"]![0]!["versions"]!.AsArray().Select(v => Number(v)));
        var v1 = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1"));
        Assert.Null(v1["content"]);
        Assert.Equal("pruned", Text(v1["removed"]!["kind"]));
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/diff?from=1&to=2"), 410);

        var erased = await ReadAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/erase", Body("""{"ref":"2","reason":"personal data"}""")));
        Assert.Equal([2], erased["versions"]!.AsArray().Select(v => Number(v)));
        Assert.Null(erased["tombstone"]);
        Assert.Equal("erased", Text((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/2")))["removed"]!["kind"]));
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/erase", Body("""{"ref":"3"}""")), 400);
        await ProblemAsync(await Client.PostAsync("/api/v1/prune", Body("""{"keep":0}""")), 400);
    }
}
