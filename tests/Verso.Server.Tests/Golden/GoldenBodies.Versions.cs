using System.Text;
using System.Text.Json.Nodes;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests.Golden;

// Versions, entities, the store and the change feed: every answer of issue 22's "versions" group, with the
// headers a cache or a writer relies on (ETag, Location, Cache-Control), recorded before the answers moved to
// Verso.Contracts so the move can be shown to change no byte.
public abstract partial class GoldenBodies
{
    [Fact]
    public async Task VersionAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=ann&message=first", """{"b":2,"a":1,"n":1.50,"s":"Zoë <b> \"q\" \u0001"}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=ann", """{"a":1,"b":2,"n":1.5,"s":"Zoë <b> \"q\" \u0001"}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=bob&message=second", """{"a":2,"big":1e21,"small":1e-7}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=bob&force=true", """{"a":2,"big":1e21,"small":1e-7}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=bob&expected_version=1", """{"a":3}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=bob", """{"a":3}""", ("If-Match", "\"1-00000000\""));
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden?saved_by=bob&expected_version=-1", """{"a":3}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/other?saved_by=cy", """{"x":[1,2,{"y":null}]}""");
        await SendWithHeadersAsync(log, HttpMethod.Put, "/api/v1/entities/doc/golden/tags/production", """{"version":2}""");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc?limit=1");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc?limit=0");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/nokind");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/Bad");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/verso-token");
        var head = await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden", null, ("If-None-Match", head.ETag!));
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/missing");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?include=content&limit=2");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?offset=1&limit=1");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?offset=9");
        var first = await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/1");
        var hash = JsonNode.Parse(first.Body)!["hash"]!.GetValue<string>();
        var third = JsonNode.Parse((await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/3")).Body)!["hash"]!.GetValue<string>();
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?hash=" + third);
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?hash=sha256:1234");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?include=everything");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?cursor=bogus");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/1", null, ("If-None-Match", first.ETag!));
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/@2");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/production");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/" + hash[..15]);
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/" + hash);
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/%7B2999-01-01T00:00:00Z%7D");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/9");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/nope");
        await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/entities/doc/golden/rollback", """{"to":1,"reason":"back","saved_by":"dee"}""");
        await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/entities/doc/golden/rollback", """{"to":1,"expected_version":2}""");
        await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/entities/doc/golden/rollback", """{"to":0}""");
        await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/entities/doc/golden/rollback", """{"to":9}""");
        await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/entities/doc/golden/erase", """{"ref":"1","reason":"gdpr"}""");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions/1");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden/versions?include=content");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/golden");
        // A version applied from a change request says where it came from (source).
        var cr = JsonNode.Parse((await SendWithHeadersAsync(log, HttpMethod.Post, "/api/v1/change-requests", """{"kind":"doc","id":"sourced","record":{"a":1}}""")).Body)!["id"]!.GetValue<string>();
        await SendWithHeadersAsync(log, HttpMethod.Post, $"/api/v1/change-requests/{cr}/apply", "{}");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/sourced");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/entities/doc/sourced/versions");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/kinds");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/manifest");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/manifest?at=2999-01-01T00:00:00Z");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/manifest?at=yesterday");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/changes?limit=3");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/changes?kind=doc&after=3");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/api/v1/changes?after=-1");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/healthz");
        await SendWithHeadersAsync(log, HttpMethod.Get, "/readyz");
        await CompareAsync("versions", log);
    }

    // Like SendAsync, with the path in full and the headers of a version's answer: what caches and writers rely on.
    private async Task<(string Body, string? ETag)> SendWithHeadersAsync(StringBuilder log, HttpMethod method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = Body(json);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var etag = response.Headers.ETag?.ToString();
        log.Append("### ").Append(method.Method).Append(' ').Append(path).Append(headers.Length > 0 ? " +" + string.Join(",", headers.Select(h => h.Name)) : "")
            .Append(" -> ").Append((int)response.StatusCode)
            .Append(' ').Append(response.Content.Headers.ContentType?.ToString() ?? "-")
            .Append(" etag=").Append(etag ?? "-")
            .Append(" location=").Append(response.Headers.Location?.ToString() ?? "-")
            .Append(" cache=").Append(response.Headers.CacheControl?.ToString() ?? "-").Append('\n')
            .Append(Mask(body)).Append('\n');
        return (body, etag);
    }
}
