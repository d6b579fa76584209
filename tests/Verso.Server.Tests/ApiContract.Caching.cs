using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Server.Security;
using Verso.Storage;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

// The rendered heads and versions the server keeps, and the token check beside them: each is kept only
// while the store's change stamp holds, so a change made through another instance of the store (as another
// process or server would make it) is what the very next request answers.
public abstract partial class ApiContract
{
    /// <summary>Another instance of the store under test, as another process or server would open it.</summary>
    protected abstract IVersionStore OpenAnotherInstance();

    [Fact]
    public async Task TheChangeStampHoldsUntilAnotherInstanceCommitsAnything()
    {
        var id = await NewDocAsync("""{"n":1}""");
        var stamps = Assert.IsAssignableFrom<IChangeStamp>(Store);
        var before = await stamps.GetChangeStampAsync();
        Assert.NotNull(before);
        await Client.GetAsync($"/api/v1/entities/doc/{id}");
        Assert.Equal(before, await stamps.GetChangeStampAsync());

        var other = OpenAnotherInstance();
        try
        {
            var key = EntityKey.Create("doc", id);
            await other.MoveTagAsync(new TagMove(key, "live", null, 1, "bob", DateTimeOffset.UtcNow, null));
            var afterTag = await stamps.GetChangeStampAsync();
            Assert.NotEqual(before, afterTag);

            await other.AppendAsync(new AppendRequest(key, Canonical("""{"n":2}"""), "bob", DateTimeOffset.UtcNow));
            Assert.NotEqual(afterTag, await stamps.GetChangeStampAsync());
        }
        finally
        {
            await DisposeAsync(other);
        }
    }

    [Fact]
    public async Task AHeadKeptRenderedGivesWayToASaveByAnotherInstance()
    {
        var id = await NewDocAsync("""{"n":1}""");
        var first = await Client.GetAsync($"/api/v1/entities/doc/{id}");
        var again = await Client.GetAsync($"/api/v1/entities/doc/{id}");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal("application/json; charset=utf-8", again.Content.Headers.ContentType?.ToString());
        var notModified = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
        notModified.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(notModified)).StatusCode);

        var other = OpenAnotherInstance();
        try
        {
            await other.AppendAsync(new AppendRequest(EntityKey.Create("doc", id), Canonical("""{"n":2}"""), "bob", DateTimeOffset.UtcNow));
        }
        finally
        {
            await DisposeAsync(other);
        }

        var stale = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
        stale.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var head = await Client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var body = await ReadAsync(head);
        Assert.Equal((2, "bob", 2), (Number(body["version"]), Text(body["saved_by"]), Number(body["content"]!["n"])));
        Assert.StartsWith("\"2-", head.Headers.ETag?.Tag, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionKeptRenderedSaysSoOnceAnotherInstanceErasedIt()
    {
        var id = await NewDocAsync("""{"secret":"x"}""", """{"secret":"y"}""");
        var version = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1"));
        Assert.Equal("x", Text(version["content"]!["secret"]));
        await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1");

        var other = OpenAnotherInstance();
        try
        {
            var erasure = new ContentRemoval(ContentRemovalKind.Erased, "bob", DateTimeOffset.UtcNow, "personal data");
            await other.EraseAsync(EntityKey.Create("doc", id), ContentHash.FromHex(Text(version["hash"])["sha256:".Length..]), erasure);
        }
        finally
        {
            await DisposeAsync(other);
        }

        var erased = await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1"));
        Assert.Null(erased["content"]);
        Assert.Equal("erased", Text(erased["removed"]!["kind"]));
    }

    [Fact]
    public async Task ATokenMadeOrRevokedByAnotherInstanceHoldsFromTheNextRequest()
    {
        var id = await NewDocAsync("""{"n":1}""");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/entities/doc/{id}")).StatusCode);

        var other = OpenAnotherInstance();
        try
        {
            var tokens = new TokenStore(other);
            var (_, token) = await tokens.AddAsync("reader", ApiRole.Reader, [], actAs: false, "root");
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.GetAsync($"/api/v1/entities/doc/{id}")).StatusCode);

            var withToken = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
            withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(withToken)).StatusCode);

            await tokens.RevokeAsync("reader", "root");
            var revoked = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/entities/doc/{id}");
            revoked.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Client.SendAsync(revoked)).StatusCode);
        }
        finally
        {
            await DisposeAsync(other);
        }
    }

    [Fact]
    public async Task AnUnchangedSaveRememberedGivesWayToAnotherInstancesSave()
    {
        var id = await NewDocAsync("""{"n":1}""");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("doc", id, """{"n":1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("doc", id, """{"n":1}""", "saved_by=ann&expected_version=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync("doc", id, """{"n":1}""")).StatusCode);

        var other = OpenAnotherInstance();
        try
        {
            await other.AppendAsync(new AppendRequest(EntityKey.Create("doc", id), Canonical("""{"n":2}"""), "bob", DateTimeOffset.UtcNow));
        }
        finally
        {
            await DisposeAsync(other);
        }

        await ProblemAsync(await PutAsync("doc", id, """{"n":1}""", "saved_by=ann&expected_version=1"), 409);
        var saved = await PutAsync("doc", id, """{"n":1}""");
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(3, Number((await ReadAsync(saved))["version"]));
    }

    private static CanonicalDocument Canonical(string json) => CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(json));

    private static async Task DisposeAsync(IVersionStore store)
    {
        if (store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
