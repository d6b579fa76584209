using System.Net;
using System.Text.Json.Nodes;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

// What a platform adapter needs: pages with content and offsets, every version holding a hash, an import
// that keeps numbers, authors and times, and the erasure of an entity's content.
public abstract partial class ApiContract
{
    [Fact]
    public async Task AHistoryPageCarriesContentAndStartsAtAnOffset()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}""", """{"n":5}""");

        var page = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?offset=1&limit=2&include=content"));

        var items = page["items"]!.AsArray();
        Assert.Equal([4, 3], items.Select(v => Number(v!["version"])));
        Assert.Equal(["""{"n":4}""", """{"n":3}"""], items.Select(v => Canon(v!["content"])));
        var next = page["next_cursor"]!.GetValue<string>();
        var rest = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?cursor={next}"));
        Assert.Equal([2, 1], rest["items"]!.AsArray().Select(v => Number(v!["version"])));
        Assert.Null(rest["items"]![0]!["content"]);
        Assert.Empty((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?offset=5")))["items"]!.AsArray());
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?offset=-1"), 400);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?offset=1&cursor={next}"), 400);
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?include=everything"), 400);
    }

    [Fact]
    public async Task AHashListsEveryVersionHoldingItNewestFirst()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("doc", id, """{"n":2}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"/api/v1/entities/doc/{id}/rollback", Body("""{"to":1}"""))).StatusCode);
        var hash = Text((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1")))["hash"]);

        var page = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?hash={hash}"));
        var paged = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?hash={hash}&limit=2"));
        var older = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?hash={hash}&cursor={paged["next_cursor"]!.GetValue<string>()}"));

        Assert.Equal([5, 3, 1], page["items"]!.AsArray().Select(v => Number(v!["version"])));
        Assert.Equal([5, 3], paged["items"]!.AsArray().Select(v => Number(v!["version"])));
        Assert.Equal([1], older["items"]!.AsArray().Select(v => Number(v!["version"])));
        Assert.Empty((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?hash=sha256:{new string('0', 64)}")))["items"]!.AsArray());
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?hash={hash[..20]}"), 400);
    }

    [Fact]
    public async Task AnImportKeepsNumbersAuthorsAndTimesAndRunsAgainWithoutEffect()
    {
        var id = Some.Id("doc");
        var batch = ImportBody(id, (1, """{"n":1}""", "ann", "2024-01-02T03:04:05.123456+00:00"), (2, """{"n":1}""", "bob", "2024-02-01T00:00:00Z"), (3, """{"n":"é"}""", "cy", "2024-03-01T00:00:00Z"));

        var first = await ReadAsync(await Client.PostAsync("/api/v1/import", Body(batch)));
        var again = await ReadAsync(await Client.PostAsync("/api/v1/import", Body(batch)));

        Assert.Equal(3, Number(first["created"]));
        Assert.Equal(0, Number(again["created"]));
        Assert.Equal(3, Number(again["unchanged"]));
        var history = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?include=content"));
        Assert.Equal(["cy", "bob", "ann"], history["items"]!.AsArray().Select(v => Text(v!["saved_by"])));
        Assert.Equal("2024-01-02T03:04:05.123456Z", Text(history["items"]![2]!["saved_at"]));
        Assert.All(history["items"]!.AsArray(), v => Assert.Equal("import", Text(v!["operation"])));
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("doc", id, """{"n":4}""")).StatusCode);
        var continued = await ReadAsync(await Client.PostAsync("/api/v1/import", Body(ImportBody(id, (5, """{"n":5}""", "dee", "2024-05-01T00:00:00Z")))));
        Assert.Equal(1, Number(continued["created"]));
    }

    [Fact]
    public async Task AnImportThatLeavesAGapOrChangesAVersionIsRefusedWhole()
    {
        var id = Some.Id("doc");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync("/api/v1/import", Body(ImportBody(id, (1, """{"n":1}""", "ann", "2024-01-01T00:00:00Z"))))).StatusCode);
        var other = Some.Id("doc");

        var gap = await ProblemAsync(await Client.PostAsync("/api/v1/import", Body(ImportBody(id, (3, """{"n":3}""", "ann", "2024-01-03T00:00:00Z")))), 409);
        var changed = await ProblemAsync(await Client.PostAsync("/api/v1/import", Body(
            ImportBody(other, (1, """{"n":1}""", "ann", "2024-01-01T00:00:00Z")).Replace("]}", "," + ImportItem(id, 1, """{"n":9}""", "ann", "2024-01-01T00:00:00Z") + "]}", StringComparison.Ordinal))), 409);

        Assert.Equal("import-conflict", Text(gap["type"]).Split(':')[^1]);
        Assert.Equal($"doc/{id}@3", Text(gap["ref"]));
        Assert.Equal(1, Number(gap["head"]));
        Assert.Equal($"doc/{id}@1", Text(changed["ref"]));
        await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{other}"), 404);
        await ProblemAsync(await Client.PostAsync("/api/v1/import", Body(ImportBody(id, (2, """{"n":2}""", "ann", "2024-01-02T00:00:00+02:00")))), 400);
        await ProblemAsync(await Client.PostAsync("/api/v1/import", Body("""{"versions":[{"kind":"doc","id":"x","version":1,"content":[],"saved_by":"a","saved_at":"2024-01-01T00:00:00Z"}]}""")), 400);
        await ProblemAsync(await Client.PostAsync("/api/v1/import", Body("""{"items":[]}""")), 400);
    }

    [Fact]
    public async Task ErasingAnEntityLeavesNumbersAndHashesAndAnswersTheCount()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":1,"x":true}""");
        var hashes = (await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions")))["items"]!.AsArray().Select(v => Text(v!["hash"])).ToList();

        var erased = await ReadAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/erase-all", Body("""{"reason":"gdpr","saved_by":"ann"}""")));
        var again = await ReadAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/erase-all", Body("""{"reason":"gdpr"}""")));

        Assert.Equal(3, Number(erased["count"]));
        Assert.Equal([3, 2, 1], erased["versions"]!.AsArray().Select(v => Number(v)));
        Assert.Equal($"doc/{id}@4", Text(erased["tombstone"]));
        Assert.Equal(0, Number(again["count"]));
        var history = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions?include=content"));
        Assert.Equal(hashes, history["items"]!.AsArray().Skip(1).Select(v => Text(v!["hash"])));
        Assert.All(history["items"]!.AsArray().Skip(1), v => Assert.Null(v!["content"]));
        Assert.Equal("{}", Canon(history["items"]![0]!["content"]));
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/erase-all", Body("{}")), 400);
        await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{Some.Id("doc")}/erase-all", Body("""{"reason":"x"}""")), 404);
    }

    private static string ImportBody(string id, params (int Version, string Content, string By, string At)[] versions) =>
        "{\"versions\":[" + string.Join(",", versions.Select(v => ImportItem(id, v.Version, v.Content, v.By, v.At))) + "]}";

    private static string ImportItem(string id, int version, string content, string by, string at) =>
        new JsonObject { ["kind"] = "doc", ["id"] = id, ["version"] = version, ["content"] = JsonNode.Parse(content), ["saved_by"] = by, ["saved_at"] = at }.ToJsonString();
}
