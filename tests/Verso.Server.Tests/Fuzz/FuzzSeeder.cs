using System.Net;
using System.Text.Json.Nodes;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// Fills the store through the API before fuzzing: two tokens, docs with a few versions and a tag, the
/// sample agents, a change request, a check and a decision; and notes their names, refs and ETags in the
/// <see cref="FuzzWorld"/> so generated requests hit real data.
/// </summary>
public sealed class FuzzSeeder(HttpClient client, FuzzWorld world)
{
    public async Task<FuzzCredentials> SeedAsync()
    {
        // The first token is made by the token-less local admin; from then on every request needs one.
        var admin = "Bearer " + await TokenAsync(null, $$"""{"name":"{{world.AdminName}}","role":"admin","act_as":true}""");
        var reader = "Bearer " + await TokenAsync(admin, """{"name":"fuzz-reader","role":"reader"}""");
        // The reader stays: revoking it would turn the reader's cases into 401s, which test nothing new.
        world.TokenNames.AddRange(["nobody", "ops"]);

        foreach (var (id, versions) in new[] { ("alpha", 3), ("beta", 1) })
        {
            for (var n = 1; n <= versions; n++)
            {
                await SendAsync(admin, HttpMethod.Put, $"/api/v1/entities/doc/{id}?saved_by=ann&message=v{n}", $$"""{"n":{{n}},"text":"line one\nline {{n}}","list":[1,{{n}}]}""", HttpStatusCode.Created);
            }

            world.Ids.Add(id);
            world.Entities.Add(("doc", id));
            world.FullRefs.AddRange([$"doc/{id}", $"doc/{id}@1"]);
        }

        foreach (var agent in new[] { "alice", "maya" })
        {
            await SendAsync(admin, HttpMethod.Put, $"/api/v1/entities/agent/{agent}?saved_by=ops", System.Text.Encoding.UTF8.GetString(SampleOrganization.Bytes("agent", agent)), HttpStatusCode.Created);
            world.Ids.Add(agent);
            world.Entities.Add(("agent", agent));
            world.FullRefs.Add($"agent/{agent}@1");
        }

        world.Ids.AddRange(["feature-delivery", "kind.doc", "missing"]);
        await SendAsync(admin, HttpMethod.Put, "/api/v1/entities/doc/alpha/tags/production", """{"version":2,"reason":"release"}""", HttpStatusCode.OK);
        var head = await SendAsync(admin, HttpMethod.Get, "/api/v1/entities/doc/alpha", null, HttpStatusCode.OK);
        world.Selectors.Add("sha256:" + Text(head["hash"])["sha256:".Length..][..8]);
        var proposed = await SendAsync(admin, HttpMethod.Post, "/api/v1/change-requests", """{"kind":"doc","id":"beta","record":{"n":2},"message":"bump","saved_by":"ann"}""", HttpStatusCode.Created);
        world.ChangeRequests.Add(Text(proposed["id"]));
        world.ChangeRequests.Add("cr-404");
        await SendAsync(admin, HttpMethod.Post, "/api/v1/entities/doc/alpha/versions/2/checks", """{"name":"lint","result":"pass"}""", HttpStatusCode.Created);
        await SendAsync(admin, HttpMethod.Post, "/api/v1/decisions",
            $$"""{"task":"task-1","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{Naming.Timestamp.Format(DateTimeOffset.UtcNow)}}","reason":"tests pass"}""", HttpStatusCode.Created);
        var page = await SendAsync(admin, HttpMethod.Get, "/api/v1/entities/doc/alpha/versions?limit=1", null, HttpStatusCode.OK);
        world.Cursors.AddRange([Text(page["next_cursor"]), "bm90IGEgY3Vyc29y", "!!"]);
        foreach (var path in new[] { "/api/v1/entities/doc/alpha", "/api/v1/entities/doc/alpha/versions/1", "/api/v1/entities/agent/alice" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", admin);
            using var response = await client.SendAsync(request);
            world.ETags.Add(response.Headers.ETag!.Tag);
        }

        return new FuzzCredentials(admin, reader);
    }

    private async Task<string> TokenAsync(string? authorization, string json) =>
        Text((await SendAsync(authorization, HttpMethod.Post, "/api/v1/tokens", json, HttpStatusCode.Created))["token"]);

    private async Task<JsonNode> SendAsync(string? authorization, HttpMethod method, string path, string? json, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Body(json) };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"seeding {method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
