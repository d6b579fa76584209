using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

/// <summary>
/// Cases 7, 8, 10, 12 and 13 of the security review, where the store does not matter: what is logged of a
/// bad token, a decision's criteria, a kind-limited token's errors, the headers of every answer, act-as names.
/// </summary>
public sealed class HardeningTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SqliteVersionStore _store = null!;
    private VersoApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await _store.InitializeAsync();
        _factory = new VersoApiFactory(_store);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private async Task<(HttpClient Client, string Token)> ClientAsync(string name, ApiRole role, string[]? kinds = null, bool actAs = false)
    {
        var (_, token) = await new TokenStore(_store).AddAsync(name, role, kinds ?? [], actAs, "test");
        return (WithToken(token), token);
    }

    private HttpClient WithToken(string token)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return client;
    }

    [Fact]
    public async Task ATokenThatDoesNotParseIsLoggedByItsFirstCharactersAndNeverItsSecret()
    {
        var (reader, token) = await ClientAsync("rd", ApiRole.Reader);
        var secret = token["vt1.rd.".Length..];
        using (reader)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/kinds")).StatusCode);
        }

        // The report's trailing dot, a pasted suffix, the secret twice, the secret alone.
        foreach (var bad in new[] { token + ".", token + "x", $"{token}.{secret}", secret, $"vt1.{secret}.{secret}" })
        {
            using var client = WithToken(bad);
            await ProblemAsync(await client.GetAsync("/api/v1/kinds"), 401);
        }

        var lines = _factory.Logs.Lines.Where(l => l.Contains("authentication failed", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.Contains("malformed token 'vt1.rd.'", StringComparison.Ordinal));
        Assert.DoesNotContain(_factory.Logs.Lines, l => l.Contains(secret[..8], StringComparison.Ordinal));
        Assert.Empty(await LoggedSecrets.FindAsync(_store, _factory.Logs.Lines));
    }

    [Fact]
    public async Task ADecisionWhoseCriteriaAreNotStringsIs400AndWritesNothing()
    {
        using var client = _factory.CreateClient();
        const string Decision = """{"task":"t1","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"2026-11-01T12:00:00Z","criteria":CRITERIA}""";

        foreach (var criteria in new[] { "[1]", "[\"ok\",null]", "\"coverage\"", "{}" })
        {
            var problem = await ProblemAsync(await client.PostAsync("/api/v1/decisions", Body(Decision.Replace("CRITERIA", criteria, StringComparison.Ordinal))), 400);
            Assert.Equal("/criteria", Text(problem["field"]));
        }

        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("decision", "t1")));
    }

    [Fact]
    public async Task EveryAnswerSaysNosniffAndTheReferencePageCannotBeFramed()
    {
        using var client = _factory.CreateClient();
        await client.PutAsync("/api/v1/entities/doc/a?saved_by=ann", Body("""{"text":"<script>alert(1)</script>"}"""));
        await client.PutAsync("/api/v1/entities/doc/a?saved_by=ann", Body("""{"text":"<html>"}"""));
        using var plain = new HttpRequestMessage(HttpMethod.Get, "/api/v1/entities/doc/a/diff?from=1&to=2&format=text");

        var answers = new[]
        {
            await client.SendAsync(plain),
            await client.GetAsync("/api/v1/entities/doc/a"),
            await client.GetAsync("/api/v1/entities/doc/missing"),
            await client.GetAsync("/no/such/route"),
            await client.GetAsync("/healthz"),
            await client.GetAsync("/openapi/v1.json"),
            await client.GetAsync("/docs"),
        };

        Assert.Equal("text/plain", answers[0].Content.Headers.ContentType?.MediaType);
        Assert.All(answers, a => Assert.Equal("nosniff", string.Join(",", a.Headers.GetValues("X-Content-Type-Options"))));
        var docs = answers[^1];
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        var policy = string.Join(";", docs.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice%0Asaved_by:%20mallory")]
    [InlineData("alice%1B%5B31m")]
    [InlineData("alice%FF")]
    public async Task AnActAsNameWithAControlCharacterOrBadUtf8Is400AndWritesNothing(string savedBy)
    {
        var (platform, _) = await ClientAsync("platform", ApiRole.Writer, actAs: true);
        using (platform)
        {
            var problem = await ProblemAsync(await platform.PutAsync($"/api/v1/entities/doc/a?saved_by={savedBy}", Body("""{"a":1}""")), 400);
            Assert.Equal("urn:verso:problem:invalid-name", Text(problem["type"]));
            Assert.Equal(HttpStatusCode.Created, (await platform.PutAsync("/api/v1/entities/doc/a?saved_by=alice", Body("""{"a":1}"""))).StatusCode);
            // The same name in a JSON body, where bytes that are not UTF-8 arrive as U+FFFD.
            var name = Uri.UnescapeDataString(savedBy).Replace("%FF", "\uFFFD", StringComparison.Ordinal);
            await ProblemAsync(await platform.PostAsync("/api/v1/entities/doc/a/rollback", Body($$"""{"to":1,"force":true,"saved_by":{{System.Text.Json.JsonSerializer.Serialize(name)}}}""")), 400);
            await ProblemAsync(await platform.PostAsync("/api/v1/change-requests", Body($$"""{"kind":"doc","id":"a","record":{"a":2},"saved_by":{{System.Text.Json.JsonSerializer.Serialize(name)}}}""")), 400);
        }

        var head = (await _store.GetLatestAsync(EntityKey.Create("doc", "a")))!;
        Assert.Equal((1, "alice (via platform)"), (head.Version, head.SavedBy));
        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("change-request", "cr-1")));
    }

    [Fact]
    public async Task AnUnpairedSurrogateInSavedByIs400()
    {
        using var client = _factory.CreateClient();
        await client.PutAsync("/api/v1/entities/doc/a?saved_by=ann", Body("""{"a":1}"""));

        await ProblemAsync(await client.PutAsync("/api/v1/entities/doc/a/tags/live", Body("""{"version":1,"saved_by":"ann\ud800"}""")), 400);

        Assert.Empty(await _store.ListTagsAsync(EntityKey.Create("doc", "a")));
    }

    [Fact]
    public async Task ADecisionOnlyTokenLearnsNothingOfAgentsFromErrors()
    {
        using var local = _factory.CreateClient();
        foreach (var agent in new[] { "alice", "maya" })
        {
            Assert.Equal(HttpStatusCode.Created, (await local.PutAsync($"/api/v1/entities/agent/{agent}?saved_by=ops", Body(SampleOrganization.Bytes("agent", agent)))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await local.PutAsync("/api/v1/entities/agent/alice?saved_by=ops&force=true", Body(SampleOrganization.Bytes("agent", "alice")))).StatusCode);
        var (runtime, _) = await ClientAsync("runtime", ApiRole.Writer, ["decision"]);
        using (runtime)
        {
            const string Decision = """{"task":"TASK","executor":"WHO","reviewer":"maya","decision":"approved","executed_at":"2026-11-01T12:00:00Z","executor_ref":"agent/WHO@7"}""";
            var existing = await ProblemAsync(await runtime.PostAsync("/api/v1/decisions", Body(Decision.Replace("TASK", "t1").Replace("WHO", "alice"))), 404);
            var missing = await ProblemAsync(await runtime.PostAsync("/api/v1/decisions", Body(Decision.Replace("TASK", "t2").Replace("WHO", "ghost"))), 404);

            // The same answer whether alice has versions or not: no counts, no refs.
            Assert.Equal(Text(existing["detail"]), Text(missing["detail"]));
            Assert.DoesNotContain("1..2", existing.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("alice", existing.ToJsonString(), StringComparison.Ordinal);
            await ProblemAsync(await runtime.GetAsync("/api/v1/entities/agent/alice/versions/2"), 403);
            await ProblemAsync(await runtime.GetAsync("/api/v1/entities/agent/alice/referrers?version=2"), 403);

            // The documented exception: a decision's own record names the versions it pinned, as refs and hashes
            // the token may not resolve (their content stays 403, above).
            var now = Timestamp.Format(DateTimeOffset.UtcNow);
            var response = await runtime.PostAsync("/api/v1/decisions", Body($$"""{"task":"t3","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{now}}"}"""));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var made = await ReadAsync(response);
            Assert.StartsWith("agent/alice@2 sha256:", Text(made["pinned_charters"]![0]), StringComparison.Ordinal);
        }

        Assert.Equal(0, await _store.CountVersionsAsync(EntityKey.Create("decision", "t1")));
    }
}
