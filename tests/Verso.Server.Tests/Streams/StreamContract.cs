using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Server.Security;
using Verso.Server.Streams;
using Verso.Server.Tests.Support;
using Verso.Storage;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests.Streams;

/// <summary>
/// Change streams on every store: many open streams cost no connection each, a token holds a bounded number,
/// and a stream sends only what its token still allows.
/// </summary>
public abstract class StreamContract : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> _open = [];

    protected IVersionStore Store { get; private set; } = null!;

    protected VersoApiFactory Factory { get; private set; } = null!;

    protected TokenStore Tokens { get; private set; } = null!;

    /// <summary>A new, empty store of the backend under test (not yet initialized).</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>Another instance on the same database (as a second server process would open it).</summary>
    protected abstract IVersionStore OpenSameStore();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
        Tokens = new TokenStore(Store);
        Factory = new VersoApiFactory(Store);
    }

    public async Task DisposeAsync()
    {
        foreach (var open in _open)
        {
            await open.DisposeAsync();
        }

        await Factory.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    protected async Task<HttpClient> ClientAsync(string name, ApiRole role, string[]? kinds = null) =>
        WithToken(Factory, (await Tokens.AddAsync(name, role, kinds ?? [], false, "test")).Token);

    protected static HttpClient WithToken(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<VersoApiFactory> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected async Task<SseStream> OpenAsync(HttpClient client, string path)
    {
        var stream = await SseStream.OpenAsync(client, path);
        _open.Add(stream);
        return stream;
    }

    protected static async Task SaveAsync(HttpClient client, string kind, string id, string json) =>
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync($"/api/v1/entities/{kind}/{id}", Body(json))).StatusCode);

    [Fact]
    public async Task HundredsOfOpenStreamsLeaveRequestsAnsweringAndMoreAreAdmittedUpToTheCap()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        var readers = new List<HttpClient>();
        var streams = new List<SseStream>();
        for (var t = 0; t < 4; t++)
        {
            readers.Add(await ClientAsync($"dash{t}", ApiRole.Reader));
            for (var s = 0; s < 30; s++)
            {
                streams.Add(await OpenAsync(readers[t], "/api/v1/changes?kind=doc"));
            }
        }

        // 120 streams are open (more than the PostgreSQL test pool holds connections): requests still answer.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/kinds")).StatusCode);
        await SaveAsync(admin, "doc", "a", """{"n":1}""");
        foreach (var stream in streams)
        {
            Assert.Equal("doc/a@1", await stream.NextRefAsync());
        }

        // Each token may open two more (32), and not a 33rd; another token is not held back by them.
        foreach (var reader in readers)
        {
            await OpenAsync(reader, "/api/v1/changes?kind=doc");
            await OpenAsync(reader, "/api/v1/changes?kind=doc");
        }

        using var refused = await SseStream.RequestAsync(readers[0], "/api/v1/changes?kind=doc");
        var problem = await ProblemAsync(refused, 429);
        Assert.Equal("urn:verso:problem:too-many-streams", Text(problem["type"]));
        Assert.Equal(32, Number(problem["limit"]));
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        var other = await OpenAsync(admin, "/api/v1/changes?kind=doc&after=0");
        Assert.Equal("doc/a@1", await other.NextRefAsync());
        Assert.Equal(HttpStatusCode.OK, (await readers[1].GetAsync("/api/v1/entities/doc/a")).StatusCode);
        foreach (var reader in readers)
        {
            reader.Dispose();
        }
    }

    [Fact]
    public async Task ARevokedTokensStreamEndsAtTheRevokeAndSeesNothingAfterIt()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        using var dash = await ClientAsync("dash", ApiRole.Reader, ["doc"]);
        var stream = await OpenAsync(dash, "/api/v1/changes?kind=doc");
        await SaveAsync(admin, "doc", "a", """{"n":1}""");
        Assert.Equal("doc/a@1", await stream.NextRefAsync());

        await Tokens.RevokeAsync("dash", "test");
        await SaveAsync(admin, "doc", "a", """{"n":2}""");

        Assert.Null(await stream.NextEventAsync());
        await ProblemAsync(await SseStream.RequestAsync(dash, "/api/v1/changes?kind=doc"), 401);
    }

    [Fact]
    public async Task EventsOfKindsOutsideAScopedTokenNeverReachItsStream()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        using var runtime = await ClientAsync("runtime", ApiRole.Reader, ["doc"]);
        var scoped = await OpenAsync(runtime, "/api/v1/changes?kind=doc");
        var everything = await OpenAsync(admin, "/api/v1/changes");
        await ProblemAsync(await SseStream.RequestAsync(runtime, "/api/v1/changes"), 403);
        await ProblemAsync(await SseStream.RequestAsync(runtime, "/api/v1/changes?kind=note"), 403);

        await SaveAsync(admin, "note", "n", """{"n":1}""");
        await Tokens.AddAsync("late", ApiRole.Reader, [], false, "test");
        await SaveAsync(admin, "doc", "d", """{"n":1}""");
        await SaveAsync(admin, "note", "n", """{"n":2}""");
        await SaveAsync(admin, "doc", "d", """{"n":2}""");

        Assert.Equal("doc/d@1", await scoped.NextRefAsync());
        Assert.Equal("doc/d@2", await scoped.NextRefAsync());
        // The unscoped stream sees both kinds in order, and never a token's record.
        Assert.Equal(["note/n@1", "doc/d@1", "note/n@2", "doc/d@2"], await everything.NextRefsAsync(4));
    }

    [Fact]
    public async Task AStreamOnOneServerSeesWhatAnotherServerOnTheStoreSaves()
    {
        var (_, token) = await Tokens.AddAsync("ops", ApiRole.Admin, [], false, "test");
        var other = OpenSameStore();
        await using var second = new VersoApiFactory(other);
        using var here = WithToken(Factory, token);
        using var there = WithToken(second, token);
        var stream = await OpenAsync(here, "/api/v1/changes?kind=doc");

        await SaveAsync(there, "doc", "a", """{"n":1}""");
        await SaveAsync(there, "doc", "a", """{"n":2}""");

        Assert.Equal(["doc/a@1", "doc/a@2"], await stream.NextRefsAsync(2));
        if (other is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStreamFurtherBackThanTheHubsMemoryReadsTheLogAndThenFollowsTheHubExactly()
    {
        // A hub that remembers only 4 entries: most of what follows is beyond its memory.
        await using var server = Factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton(provider => new ChangeHub(
            Store, provider.GetRequiredService<TokenStore>(), new VersoServerOptions(), NullLogger<ChangeHub>.Instance, memoryLength: 4))));
        var (_, token) = await Tokens.AddAsync("ops", ApiRole.Admin, [], false, "test");
        using var ops = WithToken(server, token);
        var live = await OpenAsync(ops, "/api/v1/changes?kind=doc");
        for (var n = 1; n <= 10; n++)
        {
            await SaveAsync(ops, "doc", "a", $$"""{"n":{{n}}}""");
        }

        var seen = new List<(long Id, string Ref)>();
        for (var n = 1; n <= 10; n++)
        {
            var (id, data) = (await live.NextEventAsync())!.Value;
            seen.Add((id, Text(data["ref"])));
        }

        var resumed = await OpenAsync(ops, $"/api/v1/changes?kind=doc&after={seen[1].Id}");
        await SaveAsync(ops, "doc", "a", """{"n":11}""");

        Assert.Equal(Enumerable.Range(1, 10).Select(v => $"doc/a@{v}"), seen.Select(e => e.Ref));
        Assert.Equal(Enumerable.Range(3, 9).Select(v => $"doc/a@{v}"), await resumed.NextRefsAsync(9));
        Assert.Equal("doc/a@11", await live.NextRefAsync());
    }

    [Fact]
    public async Task AStreamResumingFromFurtherBackThanTheHubRemembersMissesNothing()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        var first = await OpenAsync(admin, "/api/v1/changes?kind=doc");
        await SaveAsync(admin, "doc", "a", """{"n":1}""");
        var (start, _) = (await first.NextEventAsync())!.Value;
        await SaveAsync(admin, "doc", "a", """{"n":2}""");
        await SaveAsync(admin, "doc", "b", """{"n":1}""");

        // From 0: the versions before the hub started come from the log, the rest from the hub, each once.
        var resumed = await OpenAsync(admin, "/api/v1/changes?kind=doc&after=0");
        Assert.Equal(["doc/a@1", "doc/a@2", "doc/b@1"], await resumed.NextRefsAsync(3));
        var (id, _) = (await first.NextEventAsync())!.Value;
        Assert.True(id > start);
    }
}
