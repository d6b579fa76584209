using System.Net;
using System.Net.Http.Headers;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

/// <summary>Who may do what: bearer tokens kept in the store, roles, kind scopes, act-as, revocation.</summary>
public sealed class SecurityTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteVersionStore _store = null!;
    private VersoApiFactory _factory = null!;
    private TokenStore _tokens = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await _store.InitializeAsync();
        _tokens = new TokenStore(_store);
        _factory = new VersoApiFactory(_store);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private async Task<HttpClient> ClientAsync(string name, ApiRole role, string[]? kinds = null, bool actAs = false)
    {
        var (_, token) = await _tokens.AddAsync(name, role, kinds ?? [], actAs, "test");
        return WithToken(_factory, token);
    }

    private static HttpClient WithToken(VersoApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Fact]
    public async Task WithoutTokensTheLocalCallerMayDoAnything()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PutAsync("/api/v1/entities/doc/a?saved_by=ann", Body("""{"a":1}"""))).StatusCode);
        Assert.Equal("ann", (await _store.GetLatestAsync(EntityKey.Create("doc", "a")))!.SavedBy);
    }

    [Fact]
    public async Task OnceATokenExistsARequestWithoutOneIs401()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        using var anonymous = _factory.CreateClient();

        var problem = await ProblemAsync(await anonymous.GetAsync("/api/v1/kinds"), 401);
        var response = await anonymous.GetAsync("/api/v1/kinds");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("urn:verso:problem:unauthorized", Text(problem["type"]));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/kinds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AWrongOrMalformedTokenIs401AndTheLogNeverHoldsIt()
    {
        var (_, token) = await _tokens.AddAsync("ops", ApiRole.Admin, [], false, "test");
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var wrong = WithToken(_factory, forged);
        using var garbage = WithToken(_factory, "not-a-token");
        using var unknown = WithToken(_factory, "vt1.nobody.c2VjcmV0");
        await ProblemAsync(await wrong.GetAsync("/api/v1/kinds"), 401);
        await ProblemAsync(await garbage.GetAsync("/api/v1/kinds"), 401);
        await ProblemAsync(await unknown.GetAsync("/api/v1/kinds"), 401);

        var lines = _factory.Logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("authentication failed", StringComparison.Ordinal) && l.Contains("wrong secret for token 'ops'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(forged[12..], StringComparison.Ordinal) || l.Contains("not-a-token", StringComparison.Ordinal) || l.Contains("c2VjcmV0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AReaderReadsButWritingIs403()
    {
        using var writer = await ClientAsync("ci", ApiRole.Writer);
        using var reader = await ClientAsync("dash", ApiRole.Reader);
        await writer.PutAsync("/api/v1/entities/doc/a", Body("""{"a":1}"""));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/entities/doc/a")).StatusCode);
        var problem = await ProblemAsync(await reader.PutAsync("/api/v1/entities/doc/a", Body("""{"a":2}""")), 403);
        Assert.Equal("writer", Text(problem["required_role"]));
        await ProblemAsync(await reader.PostAsync("/api/v1/entities/doc/a/rollback", Body("""{"to":1}""")), 403);
        await ProblemAsync(await reader.PutAsync("/api/v1/entities/doc/a/tags/live", Body("""{"version":1}""")), 403);
        Assert.Equal(1, await _store.CountVersionsAsync(EntityKey.Create("doc", "a")));
    }

    [Fact]
    public async Task AKindLimitedTokenIsRefusedOutsideItsKinds()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        using var runtime = await ClientAsync("runtime", ApiRole.Writer, ["doc"]);
        await admin.PutAsync("/api/v1/entities/note/n", Body("""{"a":1}"""));

        Assert.Equal(HttpStatusCode.Created, (await runtime.PutAsync("/api/v1/entities/doc/d", Body("""{"a":1}"""))).StatusCode);
        await ProblemAsync(await runtime.PutAsync("/api/v1/entities/note/n", Body("""{"a":2}""")), 403);
        await ProblemAsync(await runtime.GetAsync("/api/v1/entities/note/n"), 403);
        await ProblemAsync(await runtime.GetAsync("/api/v1/entities/note"), 403);
        await ProblemAsync(await runtime.GetAsync("/api/v1/manifest"), 403);
        await ProblemAsync(await runtime.GetAsync("/api/v1/changes"), 403);
        await ProblemAsync(await runtime.GetAsync("/api/v1/compat?a=note/n&b=note/n"), 403);
        Assert.Equal(HttpStatusCode.OK, (await runtime.GetAsync("/api/v1/changes?kind=doc")).StatusCode);
        var kinds = (await ReadAsync(await runtime.GetAsync("/api/v1/kinds")))["kinds"]!.AsArray().Select(k => Text(k!["kind"])).ToList();
        Assert.Equal(["doc"], kinds);
    }

    [Fact]
    public async Task SavedByIsTheTokensNameAndAnotherNameIsRefusedWithoutActAs()
    {
        using var writer = await ClientAsync("ci", ApiRole.Writer);

        Assert.Equal(HttpStatusCode.Created, (await writer.PutAsync("/api/v1/entities/doc/a", Body("""{"a":1}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsync("/api/v1/entities/doc/a?saved_by=ci", Body("""{"a":1}"""))).StatusCode);
        var problem = await ProblemAsync(await writer.PutAsync("/api/v1/entities/doc/a?saved_by=mallory", Body("""{"a":2}""")), 403);
        await ProblemAsync(await writer.PostAsync("/api/v1/entities/doc/a/rollback", Body("""{"to":1,"saved_by":"mallory"}""")), 403);

        Assert.Contains("act-as", Text(problem["detail"]), StringComparison.Ordinal);
        var head = (await _store.GetLatestAsync(EntityKey.Create("doc", "a")))!;
        Assert.Equal((1, "ci"), (head.Version, head.SavedBy));
    }

    [Fact]
    public async Task AnActAsTokenRecordsBothTheOperatorAndItself()
    {
        using var platform = await ClientAsync("platform", ApiRole.Writer, actAs: true);

        await platform.PutAsync("/api/v1/entities/doc/a?saved_by=alice", Body("""{"a":1}"""));
        await platform.PutAsync("/api/v1/entities/doc/a/tags/live?x=1", Body("""{"version":1,"saved_by":"bob"}"""));

        Assert.Equal("alice (via platform)", (await _store.GetLatestAsync(EntityKey.Create("doc", "a")))!.SavedBy);
        Assert.Equal("bob (via platform)", Assert.Single(await _store.GetTagHistoryAsync(EntityKey.Create("doc", "a"))).MovedBy);
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedAtOnceOnEveryInstance()
    {
        var (_, token) = await _tokens.AddAsync("ci", ApiRole.Writer, [], false, "test");
        await using var second = new VersoApiFactory(SqliteVersionStore.ForFile(_directory.File("verso.db")));
        using var first = WithToken(_factory, token);
        using var other = WithToken(second, token);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/kinds")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/kinds")).StatusCode);

        await new TokenStore(SqliteVersionStore.ForFile(_directory.File("verso.db"))).RevokeAsync("ci", "ops");

        await ProblemAsync(await first.GetAsync("/api/v1/kinds"), 401);
        await ProblemAsync(await other.GetAsync("/api/v1/kinds"), 401);
    }

    [Fact]
    public async Task ATokenMadeAgainAfterARevokeAnswersToItsNewSecretOnlyOnAnInstanceThatKnewTheOld()
    {
        var (_, old) = await _tokens.AddAsync("ci", ApiRole.Writer, [], false, "test");
        using var before = WithToken(_factory, old);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/api/v1/kinds")).StatusCode);

        // Another instance revokes and makes it again, as a reader now.
        var elsewhere = new TokenStore(SqliteVersionStore.ForFile(_directory.File("verso.db")));
        await elsewhere.RevokeAsync("ci", "ops");
        var (_, renewed) = await elsewhere.AddAsync("ci", ApiRole.Reader, [], false, "ops");
        using var after = WithToken(_factory, renewed);

        await ProblemAsync(await before.GetAsync("/api/v1/kinds"), 401);
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/api/v1/kinds")).StatusCode);
        await ProblemAsync(await after.PutAsync("/api/v1/entities/doc/a", Body("""{"n":1}""")), 403);
    }

    [Fact]
    public async Task TokensAreManagedByAdminsOnlyAndTheirRecordsStayHidden()
    {
        using var admin = await ClientAsync("ops", ApiRole.Admin);
        using var writer = await ClientAsync("ci", ApiRole.Writer);

        await ProblemAsync(await writer.GetAsync("/api/v1/tokens"), 403);
        var made = await admin.PostAsync("/api/v1/tokens", Body("""{"name":"dash","role":"reader"}"""));
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var token = Text((await ReadAsync(made))["token"]);
        using var dash = WithToken(_factory, token);
        Assert.Equal(HttpStatusCode.OK, (await dash.GetAsync("/api/v1/kinds")).StatusCode);
        await ProblemAsync(await admin.PostAsync("/api/v1/tokens", Body("""{"name":"dash","role":"reader"}""")), 409);

        var list = await (await admin.GetAsync("/api/v1/tokens")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(token[(token.LastIndexOf('.') + 1)..], list, StringComparison.Ordinal);
        Assert.DoesNotContain("sha256", list, StringComparison.Ordinal);
        await ProblemAsync(await admin.GetAsync($"/api/v1/entities/{TokenStore.Kind}/dash"), 403);
        await ProblemAsync(await admin.GetAsync($"/api/v1/entities/{TokenStore.Kind}"), 403);
        Assert.DoesNotContain(TokenStore.Kind, await (await admin.GetAsync("/api/v1/kinds")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(TokenStore.Kind, await (await admin.GetAsync("/api/v1/changes")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(TokenStore.Kind, await (await admin.GetAsync("/api/v1/manifest")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync("/api/v1/tokens/dash")).StatusCode);
        await ProblemAsync(await dash.GetAsync("/api/v1/kinds"), 401);
    }
}
