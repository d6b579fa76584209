using System.Net;
using System.Text.Json.Nodes;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    [Fact]
    public async Task VersionsPageNewestFirstWithACursorUntilTheFirst()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}""", """{"n":5}""");

        var seen = new List<int>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}"));
            Assert.Equal(5, Number(page["head"]));
            seen.AddRange(page["items"]!.AsArray().Select(v => Number(v!["version"])));
            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal([5, 4, 3, 2, 1], seen);
        Assert.Equal(3, pages);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?cursor=not-a-cursor"), 400);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?limit=0"), 400);
    }

    [Fact]
    public async Task AVersionIsAddressedByNumberTagHashPrefixAndTime()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");
        var v2 = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/2"));
        var hash = Text(v2["hash"]);
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync($"/api/v1/entities/doc/{id}/tags/production?saved_by=ann", Body("""{"version":2}"""))).StatusCode);

        var byNumber = await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/2");
        Assert.Contains("immutable", byNumber.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/production")))["version"]));
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/{hash[..15]}")))["version"]));
        var byTag = await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/production");
        Assert.DoesNotContain("immutable", byTag.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var time = Uri.EscapeDataString("{" + Text(v2["saved_at"]) + "}");
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/{time}")))["version"]));
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/@{time}")))["version"]));

        var missing = await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/9"), 404);
        Assert.Equal($"not found: doc/{id}@9 does not exist; doc/{id} has versions 1..3", Text(missing["detail"]));
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/sha256:12"), 400);
    }

    [Fact]
    public async Task RollbackAppendsTheOldContentAndRecordsRevertOf()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");

        var response = await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":1,"reason":"bad deploy","expected_version":2,"saved_by":"ann"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync(response);
        Assert.Equal(3, Number(body["version"]));
        Assert.Equal(1, Number(body["revert_of"]));
        var head = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}"));
        Assert.Equal("""{"n":1}""", Canon(head["content"]));
        Assert.Equal("rollback", Text(head["operation"]));
        Assert.Equal("bad deploy", Text(head["message"]));

        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":2,"expected_version":2}""")), 409);
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":"one"}""")), 400);
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":7}""")), 404);
    }

    [Fact]
    public async Task TagsMoveListAndKeepTheirHistory()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");

        var moved = await ReadAsync(await Client.PutAsync($"/api/v1/entities/doc/{id}/tags/production?x=1", Body("""{"version":1,"reason":"first release"}""")));
        Assert.Equal("moved", Text(moved["status"]));
        var again = await ReadAsync(await Client.PutAsync($"/api/v1/entities/doc/{id}/tags/production", Body("""{"version":1}""")));
        Assert.Equal("unchanged", Text(again["status"]));
        await Client.PutAsync($"/api/v1/entities/doc/{id}/tags/production", Body("""{"version":"2"}"""));

        var tags = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/tags"));
        Assert.Equal(2, Number(tags["production"]));
        var history = (await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/tags/production/history"))).AsArray();
        Assert.Equal([1, 2], history.Select(m => Number(m!["to_version"])));
        Assert.Equal("first release", Text(history[0]!["reason"]));
        Assert.Equal(1, Number(history[1]!["from_version"]));

        await ProblemAsync(await Client.PutAsync($"/api/v1/entities/doc/{id}/tags/production", Body("""{"version":9}""")), 404);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/tags/staging/history"), 404);
    }

    [Fact]
    public async Task EntitiesListWithHeadsTagsAndACursor()
    {
        var kind = "list-" + Some.Id("k").Replace(".", "", StringComparison.Ordinal);
        foreach (var id in new[] { "a1", "b2", "c3" })
        {
            Assert.Equal(HttpStatusCode.Created, (await PutAsync(kind, id, """{"n":1}""", "saved_by=bo&new_kind=true")).StatusCode);
        }

        await Client.PutAsync($"/api/v1/entities/{kind}/b2/tags/live", Body("""{"version":1}"""));

        var first = await ReadAsync(await Client.GetAsync($"/api/v1/entities/{kind}?limit=2"));
        var items = first["items"]!.AsArray();
        Assert.Equal(["a1", "b2"], items.Select(i => Text(i!["id"])));
        Assert.Equal("bo", Text(items[0]!["saved_by"]));
        Assert.Equal(1, Number(items[1]!["tags"]!["live"]));
        var rest = await ReadAsync(await Client.GetAsync($"/api/v1/entities/{kind}?limit=2&cursor={Text(first["next_cursor"])}"));
        Assert.Equal(["c3"], rest["items"]!.AsArray().Select(i => Text(i!["id"])));
        Assert.Null(rest["next_cursor"]);
    }

    [Fact]
    public async Task DiffComesAsChangesPatchOrText()
    {
        var id = await NewDocAsync("""{"a":1,"b":"x"}""", """{"a":2,"b":"x","c":true}""");

        var json = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/diff?from=1&to=2&format=json"));
        var changes = json["changes"]!.AsArray();
        Assert.Equal(["/a", "/c"], changes.Select(c => Text(c!["path"])));
        Assert.Equal("modified", Text(changes[0]!["kind"]));

        var patch = await Client.GetAsync($"/api/v1/entities/doc/{id}/diff?from=1&format=patch");
        Assert.Equal("application/json-patch+json", patch.Content.Headers.ContentType?.MediaType);
        var operations = JsonNode.Parse(await patch.Content.ReadAsStringAsync())!.AsArray();
        Assert.Contains(operations, o => Text(o!["op"]) == "replace" && Text(o["path"]) == "/a");

        var text = await Client.GetAsync($"/api/v1/entities/doc/{id}/diff?from=1&to=2&format=text");
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"doc/{id}@1 → doc/{id}@2", await text.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/diff?from=1&format=yaml"), 400);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/diff"), 400);
    }

    [Fact]
    public async Task BlameNamesTheVersionThatLastChangedEachValue()
    {
        var id = Some.Id("doc");
        await PutAsync("doc", id, """{"a":1,"b":1}""", "saved_by=ann");
        await PutAsync("doc", id, """{"a":1,"b":2}""", "saved_by=bo");

        var blame = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/blame"));

        var entries = blame["entries"]!.AsArray();
        var a = Assert.Single(entries, e => Text(e!["path"]) == "/a")!;
        var b = Assert.Single(entries, e => Text(e!["path"]) == "/b")!;
        Assert.Equal((1, "ann"), (Number(a["version"]), Text(a["saved_by"])));
        Assert.Equal((2, "bo"), (Number(b["version"]), Text(b["saved_by"])));
        Assert.Equal(1, Number((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/blame?ref=1")))["entries"]![0]!["version"]));
    }

    [Fact]
    public async Task CompatAndReferrersAnswerForAnyTwoVersions()
    {
        var id = await NewDocAsync("""{"a":1}""", """{"a":2}""");

        var same = await ReadAsync(await Client.GetAsync($"/api/v1/compat?a=doc/{id}@1&b=doc/{id}@1"));
        Assert.Equal("identical", Text(same["verdict"]));
        var changed = await ReadAsync(await Client.GetAsync($"/api/v1/compat?a=doc/{id}@1&b=doc/{id}@2"));
        Assert.NotEqual("identical", Text(changed["verdict"]));
        await ProblemAsync(await Client.GetAsync($"/api/v1/compat?a=doc/{id}@1"), 400);

        var referrers = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/referrers?version=1"));
        Assert.Equal($"doc/{id}@1", Text(referrers["ref"]));
        Assert.Empty(referrers["referred_by"]!.AsArray());
    }
}
