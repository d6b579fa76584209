using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Storage;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

// Case 1 of the security review: a writer minted an admin token through a change request. Every write
// operation the served OpenAPI document lists is tried with every reserved kind, by an admin and by a writer.
public abstract partial class ApiContract
{
    private static readonly string[] ReservedKindsTried = ["verso-token", "verso-anything", "change-request", "check"];

    // A token record as the token store writes it, naming an admin with act-as.
    private static readonly string Evil =
        $$"""{"name":"evil","role":"admin","kinds":[],"act_as":true,"sha256":"{{new string('a', 64)}}","revoked":false}""";

    // Operations that may answer 2xx to an attack because they write no record of the kind tried: a
    // verify reads; withdrawing a forged request (its author may) writes only that request, the change
    // request service's own record, and leaves nothing to apply.
    private static readonly HashSet<string> Harmless = ["verify", "withdrawChangeRequest"];

    // Per write operation: the requests that try to write kind K (the victim is an entity of K with two versions,
    // the forged change request one about K/evil).
    private static readonly Dictionary<string, Func<string, string, string, HttpRequestMessage[]>> Attacks = new(StringComparer.Ordinal)
    {
        ["saveEntity"] = (k, victim, _) => [Json(HttpMethod.Put, $"/api/v1/entities/{k}/evil", Evil), Json(HttpMethod.Put, $"/api/v1/entities/{k}/{victim}?force=true", Evil)],
        ["rollback"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/rollback", """{"to":1}""")],
        ["merge"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/merge", $$"""{"base":1,"ours":2,"content":{{Evil}},"save":true}""")],
        ["moveTag"] = (k, victim, _) => [Json(HttpMethod.Put, $"/api/v1/entities/{k}/{victim}/tags/live", """{"version":1}""")],
        ["recordCheck"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/versions/1/checks", """{"name":"evals","result":"pass"}""")],
        ["erase"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/erase", """{"ref":"1","reason":"tidy"}""")],
        ["prune"] = (k, victim, _) => [Json(HttpMethod.Post, "/api/v1/prune", $$"""{"entity":"{{k}}/{{victim}}","keep":1}""")],
        ["verify"] = (_, _, _) => [Json(HttpMethod.Post, "/api/v1/verify", "{}")],
        ["proposeChangeRequest"] = (k, victim, _) => [
            Json(HttpMethod.Post, "/api/v1/change-requests", $$"""{"kind":"{{k}}","id":"evil","record":{{Evil}}}"""),
            Json(HttpMethod.Post, "/api/v1/change-requests", $$"""{"kind":"{{k}}","id":"{{victim}}","record":{{Evil}}}""")],
        ["updateChangeRequest"] = (_, _, forged) => [Json(HttpMethod.Post, $"/api/v1/change-requests/{forged}", $$"""{"record":{{Evil}}}""")],
        ["reviewChangeRequest"] = (_, _, forged) => [Json(HttpMethod.Post, $"/api/v1/change-requests/{forged}/reviews", """{"verdict":"approve"}""")],
        ["applyChangeRequest"] = (_, _, forged) => [new HttpRequestMessage(HttpMethod.Post, $"/api/v1/change-requests/{forged}/apply")],
        ["withdrawChangeRequest"] = (_, _, forged) => [new HttpRequestMessage(HttpMethod.Post, $"/api/v1/change-requests/{forged}/withdraw")],
        ["recordDecision"] = (k, _, _) => [Json(HttpMethod.Post, "/api/v1/decisions",
            $$"""{"task":"t1","executor":"evil","reviewer":"other","decision":"approved","executed_at":"2026-11-01T12:00:00Z","executor_ref":"{{k}}/evil@1"}""")],
        ["importVersions"] = (k, victim, _) => [Json(HttpMethod.Post, "/api/v1/import",
            $$"""{"versions":[{"kind":"{{k}}","id":"{{victim}}","version":3,"content":{{Evil}},"saved_by":"evil","saved_at":"2026-11-01T12:00:00Z"}]}""")],
        ["eraseEntity"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/erase-all", """{"reason":"tidy"}""")],
        ["startRollout"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/rollouts/production", """{"candidate":2,"weight":5000}""")],
        ["setRolloutWeight"] = (k, victim, _) => [Json(HttpMethod.Put, $"/api/v1/entities/{k}/{victim}/rollouts/production/weight", """{"weight":5000}""")],
        ["advanceRollout"] = (k, victim, _) => [new HttpRequestMessage(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/rollouts/production/advance")],
        ["promoteRollout"] = (k, victim, _) => [new HttpRequestMessage(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/rollouts/production/promote")],
        ["abortRollout"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/rollouts/production/abort", """{"reason":"evil"}""")],
        // The token service's own operations: an admin's use is the owner writing its kind; a writer's must be refused.
        ["addToken"] = (_, _, _) => [Json(HttpMethod.Post, "/api/v1/tokens", """{"name":"evil","role":"admin"}""")],
        ["revokeToken"] = (_, _, _) => [new HttpRequestMessage(HttpMethod.Delete, "/api/v1/tokens/ops")],
        ["importVersions"] = (k, victim, _) => [Json(HttpMethod.Post, "/api/v1/import",
            $$"""{"versions":[{"kind":"{{k}}","id":"evil","version":1,"content":{{Evil}},"saved_by":"mallory","saved_at":"2026-01-01T00:00:00Z"},{"kind":"{{k}}","id":"{{victim}}","version":99,"content":{{Evil}},"saved_by":"mallory","saved_at":"2026-01-01T00:00:00Z"}]}""")],
        ["eraseEntity"] = (k, victim, _) => [Json(HttpMethod.Post, $"/api/v1/entities/{k}/{victim}/erase-all", """{"reason":"tidy"}""")],
    };

    [Fact]
    public async Task NoWriteOperationOfTheDocumentWritesAReservedKind()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var writes = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "put" or "post" or "patch" or "delete").Select(m => m.Value!["operationId"]!.GetValue<string>()))
            .ToList();
        Assert.True(writes.Count >= 15, $"the document lists only {writes.Count} write operations");
        Assert.Empty(writes.Except(Attacks.Keys));

        var tokens = new TokenStore(Store);
        using var admin = await TokenClientAsync("ops", ApiRole.Admin);
        using var writer = await TokenClientAsync("ci", ApiRole.Writer);
        // Victims with two versions each: a revoked token, a change request reviewed once, a check recorded twice.
        await tokens.AddAsync("victim", ApiRole.Reader, [], false, "test");
        await tokens.RevokeAsync("victim", "test");
        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsync("/api/v1/entities/doc/x", Body("""{"n":1}"""))).StatusCode);
        var cr = Text((await ReadAsync(await writer.PostAsync("/api/v1/change-requests", Body("""{"kind":"doc","id":"x","record":{"n":2}}"""))))["id"]);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/change-requests/{cr}/reviews", Body("""{"verdict":"comment","message":"hm"}"""))).StatusCode);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/v1/entities/doc/x/versions/1/checks", Body("""{"name":"evals","result":"pass"}"""))).StatusCode);
        }

        var victims = new Dictionary<string, string> { ["verso-token"] = "victim", ["verso-anything"] = "evil", ["change-request"] = cr, ["check"] = "doc.x.1" };
        var failures = new List<string>();
        var forgedNumber = 100;
        foreach (var kind in ReservedKindsTried)
        {
            var victim = victims[kind];
            var forged = await ForgeChangeRequestAsync(cr, $"cr-{forgedNumber++}", EntityKey.Create(kind, "evil"));
            var watched = new[] { EntityKey.Create(kind, "evil"), EntityKey.Create(kind, victim), EntityKey.Create(TokenStore.Kind, "evil") };
            foreach (var (operation, attack) in Attacks)
            {
                foreach (var (caller, client) in new[] { ("admin", admin), ("writer", writer) })
                {
                    if (caller == "admin" && operation is "addToken" or "revokeToken")
                    {
                        continue;
                    }

                    foreach (var request in attack(kind, victim, forged))
                    {
                        var before = await FingerprintAsync(watched);
                        var what = $"{operation} as {caller} with {kind}: {request.Method} {request.RequestUri}";
                        using (request)
                        using (var response = await client.SendAsync(request))
                        {
                            var status = (int)response.StatusCode;
                            if (status >= 500 || (status < 300 && !Harmless.Contains(operation)))
                            {
                                failures.Add($"{what} → {status} {await response.Content.ReadAsStringAsync()}");
                            }
                        }

                        var after = await FingerprintAsync(watched);
                        if (before != after)
                        {
                            failures.Add($"{what} changed {kind} records: {before} → {after}");
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The minted token of the report answers nothing.
        using var minted = _factory!.CreateClient();
        minted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "vt1.evil." + new string('A', 43));
        await ProblemAsync(await minted.GetAsync("/api/v1/tokens"), 401);
    }

    [Fact]
    public async Task TheReportedChangeRequestThatMintedAnAdminTokenIsRefusedAndWritesNothing()
    {
        using var writer = await TokenClientAsync("ci", ApiRole.Writer);
        var secret = "vt1.evil." + new string('B', 43);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        var record = $$"""{"name":"evil","role":"admin","kinds":[],"act_as":true,"sha256":"{{hash}}","revoked":false}""";
        var body = $$$"""{"kind":"verso-token","id":"evil","record":{{{record}}}}""";

        var problem = await ProblemAsync(await writer.PostAsync("/api/v1/change-requests", Body(body)), 403);

        Assert.Equal("reserved_kind", Text(problem["rule"]));
        await ProblemAsync(await writer.PostAsync("/api/v1/change-requests/cr-1/apply", null), 404);
        Assert.Equal(0, await Store.CountVersionsAsync(EntityKey.Create(TokenStore.Kind, "evil")));
        Assert.Equal(0, await Store.CountVersionsAsync(EntityKey.Create("change-request", "cr-1")));
        using var minted = _factory!.CreateClient();
        minted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        await ProblemAsync(await minted.GetAsync("/api/v1/tokens"), 401);
    }

    private static HttpRequestMessage Json(HttpMethod method, string url, string json) => new(method, url) { Content = Body(json) };

    // A request about a reserved entity, approved, written straight into the store as a server before the
    // guard could have let it be: the apply (and review, update) must still refuse it.
    private async Task<string> ForgeChangeRequestAsync(string template, string id, EntityKey target)
    {
        var stored = await Store.GetLatestAsync(EntityKey.Create("change-request", template));
        var record = JsonNode.Parse(stored!.Content.Span)!.AsObject();
        record["id"] = id;
        record["target"] = target.ToString();
        record["base_version"] = 0;
        record.Remove("base");
        record.Remove("base_hash");
        record["proposal"] = JsonNode.Parse(Evil);
        record["status"] = "approved";
        var content = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(record.ToJsonString()));
        await Store.AppendAsync(new AppendRequest(EntityKey.Create("change-request", id), content, "forger", DateTimeOffset.UtcNow));
        return id;
    }

    private async Task<string> FingerprintAsync(IEnumerable<EntityKey> keys)
    {
        var parts = new List<string>();
        foreach (var key in keys)
        {
            var head = await Store.GetLatestAsync(key);
            var first = await Store.GetVersionAsync(key, 1);
            var tags = await Store.ListTagsAsync(key);
            parts.Add($"{key}: {head?.Version ?? 0} {head?.Hash} content={first?.HasContent} tags={tags.Count}");
        }

        return string.Join("; ", parts);
    }
}
