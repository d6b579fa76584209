using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verso.Storage.History;
using Verso.Server.Tests.Support;
using Verso.Storage;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

/// <summary>
/// The REST API's behaviour, run against every store (SQLite, PostgreSQL) as the store contract is: each
/// test gets a fresh, initialized store behind an in-process server.
/// </summary>
public abstract partial class ApiContract : IAsyncLifetime
{
    private VersoApiFactory? _factory;

    protected HttpClient Client { get; private set; } = null!;

    protected IVersionStore Store => _factory!.Store;

    /// <summary>A new, empty store of the backend under test (not yet initialized).</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>Options the test class sets on the server.</summary>
    protected virtual void Configure(VersoServerOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store, Configure);
        Client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            if (_factory.Store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    protected Task<HttpResponseMessage> PutAsync(string kind, string id, string json, string query = "saved_by=ann") =>
        Client.PutAsync($"/api/v1/entities/{kind}/{id}?{query}", Body(json));

    protected async Task<string> NewDocAsync(params string[] versions)
    {
        var id = Some.Id("doc");
        foreach (var json in versions)
        {
            var response = await PutAsync("doc", id, json);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        return id;
    }

    [Fact]
    public async Task ASaveCreatesAVersionWithLocationAndETag()
    {
        var id = Some.Id("doc");
        var response = await PutAsync("doc", id, """{"b":2,"a":1}""", "saved_by=ann&message=first");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/v1/entities/doc/{id}/versions/1", response.Headers.Location?.OriginalString);
        var body = await ReadAsync(response);
        Assert.Equal("created", Text(body["status"]));
        Assert.Equal($"doc/{id}@1", Text(body["ref"]));
        var hash = Text(body["hash"]);
        Assert.Equal($"\"1-{hash["sha256:".Length..]}\"", response.Headers.ETag?.Tag);

        var head = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}"));
        Assert.Equal("""{"a":1,"b":2}""", Canon(head["content"]));
        Assert.Equal("ann", Text(head["saved_by"]));
        Assert.Equal("first", Text(head["message"]));
        Assert.Equal(hash, Text(head["hash"]));
    }

    [Fact]
    public async Task UnchangedContentAnswers200AndCreatesNothingUnlessForced()
    {
        var id = await NewDocAsync("""{"a":1}""");

        var again = await PutAsync("doc", id, """{ "a" : 1 }""");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("unchanged", Text((await ReadAsync(again))["status"]));
        Assert.Null(again.Headers.Location);

        var forced = await PutAsync("doc", id, """{"a":1}""", "saved_by=ann&force=true");
        Assert.Equal(HttpStatusCode.Created, forced.StatusCode);
        var head = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}"));
        Assert.Equal(2, Number(head["version"]));
        Assert.Equal("force", Text(head["operation"]));
    }

    [Fact]
    public async Task IfNoneMatchOfTheHeadAnswers304AndAnOlderETagGetsTheBody()
    {
        var id = await NewDocAsync("""{"a":1}""");
        var first = await Client.GetAsync($"/api/v1/entities/doc/{id}");
        var etag = first.Headers.ETag!;

        using var cached = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
        cached.Headers.IfNoneMatch.Add(etag);
        var notModified = await Client.SendAsync(cached);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);

        await PutAsync("doc", id, """{"a":2}""");
        using var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
        stale.Headers.IfNoneMatch.Add(etag);
        var fresh = await Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag);
        Assert.Equal(2, Number((await ReadAsync(fresh))["version"]));
    }

    [Fact]
    public async Task IfMatchOfAnOlderHeadIs412NamingTheCurrentHeadAndWritesNothing()
    {
        var id = await NewDocAsync("""{"a":1}""");
        var etag = (await Client.GetAsync($"/api/v1/entities/doc/{id}")).Headers.ETag!;
        await PutAsync("doc", id, """{"a":2}""");

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/entities/doc/{id}?saved_by=ann") { Content = Body("""{"a":3}""") };
        request.Headers.IfMatch.Add(etag);
        var problem = await ProblemAsync(await Client.SendAsync(request), 412);

        Assert.Equal("urn:verso:problem:precondition-failed", Text(problem["type"]));
        Assert.Equal(2, Number(problem["actual"]));
        Assert.Equal(2, await Store.CountVersionsAsync(Naming.EntityKey.Create("doc", id)));
    }

    [Fact]
    public async Task IfMatchOfTheHeadSaves()
    {
        var id = await NewDocAsync("""{"a":1}""");
        var etag = (await Client.GetAsync($"/api/v1/entities/doc/{id}")).Headers.ETag!;

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/entities/doc/{id}?saved_by=ann") { Content = Body("""{"a":2}""") };
        request.Headers.IfMatch.Add(etag);
        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, Number((await ReadAsync(response))["version"]));
    }

    [Fact]
    public async Task AWrongExpectedVersionIs409WithExpectedAndActualAndWritesNothing()
    {
        var id = await NewDocAsync("""{"a":1}""", """{"a":2}""");

        var problem = await ProblemAsync(await PutAsync("doc", id, """{"a":3}""", "saved_by=ann&expected_version=1"), 409);

        Assert.Equal("urn:verso:problem:version-conflict", Text(problem["type"]));
        Assert.Equal(1, Number(problem["expected"]));
        Assert.Equal(2, Number(problem["actual"]));
        Assert.Equal($"conflict on doc/{id}: expected version 1 but the head is 2", Text(problem["detail"]));
        Assert.Equal(2, await Store.CountVersionsAsync(Naming.EntityKey.Create("doc", id)));
    }

    [Fact]
    public async Task ExpectedVersionZeroCreatesOnlyANewEntity()
    {
        var id = Some.Id("doc");
        Assert.Equal(HttpStatusCode.Created, (await PutAsync("doc", id, """{"a":1}""", "saved_by=ann&expected_version=0")).StatusCode);
        await ProblemAsync(await PutAsync("doc", id, """{"a":2}""", "saved_by=ann&expected_version=0"), 409);
    }

    [Fact]
    public async Task AnInvalidAgentIs422WithEveryProblemAndItsPath()
    {
        var bad = SampleOrganization.Node("agent", "alice");
        bad["model"]!["temperature"] = 9;
        bad["level"] = "overlord";

        var response = await Client.PutAsync("/api/v1/entities/agent/alice?saved_by=ann", Body(bad.ToJsonString()));

        var problem = await ProblemAsync(response, 422);
        Assert.Equal("urn:verso:problem:invalid-record", Text(problem["type"]));
        var problems = problem["problems"]!.AsArray();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.StartsWith("/", Text(p!["path"]), StringComparison.Ordinal));
        Assert.Contains(problems, p => Text(p!["path"]) == "/model/temperature");
        Assert.Contains(problems, p => Text(p!["path"]) == "/level");
        Assert.Equal(0, await Store.CountVersionsAsync(Naming.EntityKey.Create("agent", "alice")));
    }

    [Fact]
    public async Task BadJsonIs400AndNamesWhere()
    {
        var problem = await ProblemAsync(await PutAsync("doc", Some.Id("doc"), """{"a":1,"a":2}"""), 400);
        Assert.Equal("urn:verso:problem:bad-json", Text(problem["type"]));
        Assert.Contains("duplicate", Text(problem["detail"]), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIs415()
    {
        var response = await Client.PutAsync($"/api/v1/entities/doc/{Some.Id("doc")}", new StringContent("a: 1", Encoding.UTF8, "application/yaml"));
        var problem = await ProblemAsync(response, 415);
        // The endpoint declares application/json, so routing refuses the body before the handler runs.
        Assert.Equal("urn:verso:problem:unsupported-media-type", Text(problem["type"]));
        Assert.Contains("application/json", Text(problem["detail"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidNameIs400()
    {
        var problem = await ProblemAsync(await PutAsync("doc", "..bad", """{"a":1}"""), 400);
        Assert.Equal("urn:verso:problem:invalid-name", Text(problem["type"]));
    }

    [Fact]
    public async Task AnUnknownEntityIs404WithTheCliMessage()
    {
        var id = Some.Id("doc");
        var problem = await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}"), 404);
        Assert.Equal($"not found: doc/{id} does not exist", Text(problem["detail"]));
    }

    [Fact]
    public async Task UnknownRoutesAndMethodsAreProblemsToo()
    {
        await ProblemAsync(await Client.GetAsync("/api/v1/no-such-thing"), 404);
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/entities/doc/{Some.Id("doc")}"), 405);
    }

    [Fact]
    public async Task TheProbesAnswer()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/healthz")).StatusCode);
        var ready = await Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", Text((await ReadAsync(ready))["status"]));
    }

    [Fact]
    public async Task TheManifestIsTheLibrarysAndHonoursAt()
    {
        await NewDocAsync("""{"a":1}""");
        var before = DateTimeOffset.UtcNow.AddYears(-1);

        var manifest = await ReadAsync(await Client.GetAsync("/api/v1/manifest"));
        var expected = await ManifestBuilder.BuildAsync(Store);
        Assert.Equal(expected.Root.ToString(), Text(manifest["root"]));
        Assert.Equal(expected.Entries.Length, manifest["entries"]!.AsArray().Count);

        var old = await ReadAsync(await Client.GetAsync($"/api/v1/manifest?at={Uri.EscapeDataString(Naming.Timestamp.Format(before))}"));
        Assert.Empty(old["entries"]!.AsArray());
        await ProblemAsync(await Client.GetAsync("/api/v1/manifest?at=yesterday"), 400);
    }

    [Fact]
    public async Task KindsCountEntities()
    {
        // A kind of the store's own (new_kind=true), not one the host registered.
        var kind = "memo-" + Some.Id("k").Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();
        await PutAsync(kind, "m1", """{"a":1}""", "saved_by=ann&new_kind=true");
        await PutAsync(kind, "m2", """{"a":1}""", "saved_by=ann");

        var kinds = (await ReadAsync(await Client.GetAsync("/api/v1/kinds")))["kinds"]!.AsArray();

        var doc = Assert.Single(kinds, k => Text(k!["kind"]) == kind);
        Assert.Equal(2, Number(doc!["entities"]));
        Assert.False(doc["registered"]!.GetValue<bool>());
        Assert.True(Assert.Single(kinds, k => Text(k!["kind"]) == "agent")!["registered"]!.GetValue<bool>());
    }
}
