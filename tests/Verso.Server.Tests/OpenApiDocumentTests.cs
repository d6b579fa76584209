using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verso.Server.Tests.Fuzz;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

/// <summary>The OpenAPI document describes every operation as served, and its reference page works offline.</summary>
public sealed partial class OpenApiDocumentTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private VersoApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store);
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    private async Task<JsonObject> DocumentAsync()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public void EveryBodyTypeTheDocumentDescribesHasCompileTimeMetadata()
    {
        // The native verso (no reflection-based JSON) builds the document from this context alone:
        // a body type missing from it makes /openapi/v1.json a 500 there, and nowhere in this test host.
        var types = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(e => e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Concat(e.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Select(m => m.RequestType)))
            .Where(t => t is not null && t != typeof(void))
            .Distinct()
            .ToList();
        Assert.NotEmpty(types);
        // The documentation-only types, or the wire contracts the moved endpoint groups answer with.
        var missing = types
            .Where(t => Server.OpenApi.OpenApiSchemaContext.Default.GetTypeInfo(t!) is null && Contracts.VersoJsonContext.Default.GetTypeInfo(t!) is null)
            .Select(t => t!.FullName).ToList();
        Assert.True(missing.Count == 0, $"not in OpenApiSchemaContext or VersoJsonContext: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task EveryMappedOperationIsInTheDocumentWithItsProblems()
    {
        var document = await DocumentAsync();
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = document["paths"]!.AsObject();

        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal) || e.RoutePattern.RawText is "/healthz" or "/readyz")
            .ToList();
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints mapped");
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!;
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single().ToLowerInvariant();
            var operation = paths[path]?[method]?.AsObject();
            Assert.True(operation is not null, $"{method} {path} is not in the document");
            Assert.False(string.IsNullOrEmpty(operation!["operationId"]?.GetValue<string>()), $"{method} {path} has no operationId");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key[0] == '2'), $"{method} {path} declares no success");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                Assert.True(response!["content"]?["application/problem+json"] is not null, $"{method} {path} {status} is not a problem response");
            }
        }
    }

    [Fact]
    public async Task SchemasUseTheSnakeCaseNamesTheApiWritesAndNumbersAreNumbers()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();

        var version = schemas["VersionWithContent"]!["properties"]!.AsObject();
        Assert.Contains("saved_by", version.Select(p => p.Key));
        Assert.Contains("schema_version", version.Select(p => p.Key));
        Assert.DoesNotContain("savedBy", version.Select(p => p.Key));
        Assert.Equal("integer", version["version"]!["type"]!.GetValue<string>());
        Assert.Contains("revert_of", version.Select(p => p.Key));
        Assert.DoesNotContain("revert_of", schemas["VersionWithContent"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task NoSchemaAllowsANumberAsAStringOrRejectsTheNullItAllows()
    {
        var document = await DocumentAsync();

        foreach (var schema in Schemas(document))
        {
            if (schema["type"] is JsonArray types)
            {
                var names = types.Select(t => t!.GetValue<string>()).ToList();
                Assert.False(names.Contains("string") && (names.Contains("integer") || names.Contains("number")), $"a number may be a string: {schema.ToJsonString()}");
            }

            // oneOf fails a value that matches two options: null must not match both "null" and "any JSON".
            if (schema["oneOf"] is JsonArray options && options.Any(o => o?["type"]?.ToString() == "null"))
            {
                Assert.DoesNotContain(options, o => o?["$ref"]?.GetValue<string>() == "#/components/schemas/JsonNode");
            }
        }
    }

    [Fact]
    public async Task EveryBodyAndAnswerHasItsShapeOnlyTheRecordOfASaveIsAnyObject()
    {
        var untyped = new List<string>();
        foreach (var operation in ApiOperation.All(await DocumentAsync()))
        {
            var schemas = (operation.Body?.Content.Values ?? []).Select(s => ("body", s))
                .Concat(operation.Responses.Where(r => r.Key[0] == '2').SelectMany(r => r.Value.Where(m => m.Key.EndsWith("json", StringComparison.Ordinal)).Select(m => (r.Key, m.Value))));
            untyped.AddRange(schemas.Where(s => s.Item2?["$ref"]?.GetValue<string>() == "#/components/schemas/JsonObject" && !(operation.Id == "saveEntity" && s.Item1 == "body"))
                .Select(s => $"{operation} {s.Item1}"));
        }

        Assert.Empty(untyped);
    }

    [Fact]
    public async Task OnlyTheApiAsksForATokenNotTheProbes()
    {
        var document = await DocumentAsync();
        Assert.Null(document["security"]);

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                // [{}] is the requirement of nothing: anyone may call.
                var requirements = operation!["security"]!.AsArray();
                var secured = requirements.Count > 0 && requirements.All(r => r!.AsObject().Count > 0);
                Assert.True(secured == path.StartsWith("/api/v1/", StringComparison.Ordinal), $"{method} {path}: security {operation["security"]?.ToJsonString() ?? "none"}");
            }
        }
    }

    [Fact]
    public async Task EveryHeaderAServedResponseCarriesIsDescribedOnThatResponse()
    {
        var operations = ApiOperation.All(await DocumentAsync()).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var undescribed = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        async Task<HttpResponseMessage> SendAsync(string operation, HttpMethod method, string path, string? json = null, (string, string)? header = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : Api.Body(json) };
            if (header is var (name, value))
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            seen.UnionWith(response.Headers.Select(h => h.Key));
            undescribed.AddRange(ResponseChecker.UndescribedHeaders(operations[operation], response).Select(h => $"{operation} {(int)response.StatusCode}: {h}"));
            return response;
        }

        Assert.Equal(HttpStatusCode.Created, (await SendAsync("saveEntity", HttpMethod.Put, "/api/v1/entities/doc/h?saved_by=ann", """{"n":1}""")).StatusCode);
        await SendAsync("saveEntity", HttpMethod.Put, "/api/v1/entities/doc/h?saved_by=ann", """{"n":1}""");
        await SendAsync("saveEntity", HttpMethod.Put, "/api/v1/entities/doc/h?saved_by=ann", """{"n":2}""");
        var etag = (await SendAsync("getHead", HttpMethod.Get, "/api/v1/entities/doc/h")).Headers.ETag!.Tag;
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync("getHead", HttpMethod.Get, "/api/v1/entities/doc/h", header: ("If-None-Match", etag))).StatusCode);
        await SendAsync("getVersion", HttpMethod.Get, "/api/v1/entities/doc/h/versions/1");
        await SendAsync("getVersion", HttpMethod.Get, "/api/v1/entities/doc/h/versions/2", header: ("If-None-Match", etag));
        await SendAsync("listVersions", HttpMethod.Get, "/api/v1/entities/doc/h/versions");
        Assert.Equal(HttpStatusCode.Created, (await SendAsync("rollback", HttpMethod.Post, "/api/v1/entities/doc/h/rollback", """{"to":1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync("merge", HttpMethod.Post, "/api/v1/entities/doc/h/merge", """{"base":1,"ours":3,"content":{"n":1,"m":2},"save":true}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SendAsync("proposeChangeRequest", HttpMethod.Post, "/api/v1/change-requests", """{"kind":"doc","id":"h","record":{"n":5}}""")).StatusCode);
        (await SendAsync("changes", HttpMethod.Get, "/api/v1/changes", header: ("Accept", "text/event-stream"))).Dispose();
        await SendAsync("changes", HttpMethod.Get, "/api/v1/changes?after=0");
        (await SendAsync("verify", HttpMethod.Post, "/api/v1/verify", header: ("Accept", "text/event-stream"))).Dispose();
        await SendAsync("getHead", HttpMethod.Get, "/api/v1/entities/doc/nope");
        await SendAsync("healthz", HttpMethod.Get, "/healthz");
        await new Security.TokenStore(_factory.Services.GetRequiredService<Storage.IVersionStore>()).AddAsync("ops", Security.ApiRole.Admin, [], false, "test");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("listKinds", HttpMethod.Get, "/api/v1/kinds")).StatusCode);

        Assert.Empty(undescribed);
        // The walk reached the headers that matter, so an empty list above means something.
        Assert.Superset(new HashSet<string>(["ETag", "Location", "Cache-Control", "WWW-Authenticate", "X-Accel-Buffering"], StringComparer.OrdinalIgnoreCase), seen);
    }

    private static IEnumerable<JsonObject> Schemas(JsonNode? node) => node switch
    {
        JsonObject obj => (obj.ContainsKey("type") || obj.ContainsKey("oneOf") ? [obj] : Enumerable.Empty<JsonObject>()).Concat(obj.SelectMany(p => Schemas(p.Value))),
        JsonArray array => array.SelectMany(Schemas),
        _ => [],
    };

    [Fact]
    public async Task TheReferencePageLoadsOnlyScriptsThisServerServes()
    {
        var page = await _client.GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();

        var sources = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            var script = await _client.GetAsync("/docs/" + source);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"{source} is empty");
        }
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
