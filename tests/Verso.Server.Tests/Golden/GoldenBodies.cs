using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Server.Security;
using Verso.Server.Tests.Support;
using Verso.Storage;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests.Golden;

/// <summary>
/// The bytes a user sees, recorded once for a fixed scenario and compared on every run, on every store: a
/// redesign of how answers are written (issue 22's one wire contract) must not change a byte of them. Times
/// and token secrets are masked; everything else, hashes and property order included, must match exactly.
/// Set <c>VERSO_GOLDEN_UPDATE=1</c> to record the files again after a change that is meant.
/// </summary>
public abstract partial class GoldenBodies : IAsyncLifetime
{
    private VersoApiFactory? _factory;
    private HttpClient _client = null!;

    /// <summary>A new, empty store of the backend under test (not yet initialized).</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store);
        var (_, token) = await new TokenStore(store).AddAsync("ops", ApiRole.Admin, [], true, "golden");
        _client = _factory.CreateClient();
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            if (_factory.Store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task TagAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann&message=first", """{"b":2,"a":1}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":2,"list":[1,2.5,"x"]}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{"version":1,"reason":"first cut"}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{"version":1}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{"version":"sha256:""" + await HashPrefixAsync(2) + "\"}");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/staging", """{"version":2,"saved_by":"bob"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/tags");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/tags/production/history");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/tags/nope/history");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/missing/tags");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{"version":0}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/production", """{}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden/tags/Bad%20Name", """{"version":1}""");
        await CompareAsync("tags", log);
    }

    [Fact]
    public async Task TokenAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"name":"bot","role":"reader","kinds":["doc","agent"]}""");
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"name":"act","role":"writer","act_as":true}""");
        await SendAsync(log, HttpMethod.Get, "/tokens");
        await SendAsync(log, HttpMethod.Delete, "/tokens/bot");
        await SendAsync(log, HttpMethod.Get, "/tokens");
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"name":"bot2","role":"boss"}""");
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"role":"reader"}""");
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"name":"bot3","role":"reader","kinds":"doc"}""");
        await SendAsync(log, HttpMethod.Post, "/tokens", """{"name":"act","role":"reader"}""");
        await SendAsync(log, HttpMethod.Delete, "/tokens/nobody");
        await CompareAsync("tokens", log);
    }

    [Fact]
    public async Task CheckPromotionAndAdminAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":1}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":2}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":3}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/versions/2/checks", """{"name":"ci","result":"pass","url":"https://ci.example/1","message":"green"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/versions/2/checks", """{"name":"lint","result":"fail"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/versions/2/checks", """{"name":"lint","result":"maybe"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/versions/2/checks");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/versions/3/checks");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/versions/9/checks");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/policies");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/promotion");
        await SendAsync(log, HttpMethod.Get, "/entities/doc/golden/promotion?version=2");
        await SendAsync(log, HttpMethod.Post, "/verify", "{}");
        await SendAsync(log, HttpMethod.Post, "/prune", """{"keep":2}""");
        await SendAsync(log, HttpMethod.Post, "/prune", """{"keep":0}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/erase", """{"ref":"3","reason":"gdpr"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/doc/golden/erase", """{}""");
        await SendAsync(log, HttpMethod.Post, "/verify", "{}");
        await CompareAsync("checks-admin", log);
    }

    [Fact]
    public async Task TheOpenApiDocumentIsUnchanged()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        await CompareAsync("openapi", new StringBuilder(document).Append('\n'));
    }

    private async Task<string> HashPrefixAsync(int version)
    {
        // A version's strong ETag is "N-HEX" of its content hash.
        using var response = await _client.GetAsync($"/api/v1/entities/doc/golden/versions/{version}");
        var tag = response.Headers.ETag?.Tag ?? throw new InvalidOperationException("a version read carries an ETag");
        return tag.Trim('"')[(tag.IndexOf('-', StringComparison.Ordinal))..][..12];
    }

    private async Task SendAsync(StringBuilder log, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, "/api/v1" + path);
        if (json is not null)
        {
            request.Content = Body(json);
        }

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        log.Append("### ").Append(method.Method).Append(' ').Append(path).Append(" -> ").Append((int)response.StatusCode)
            .Append(' ').Append(response.Content.Headers.ContentType?.MediaType ?? "-").Append('\n')
            .Append(Mask(body)).Append('\n');
    }

    // Times and secrets differ on every run; nothing else may.
    private static string Mask(string body)
    {
        body = Regex.Replace(body, "\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z\"", "\"<time>\"");
        body = Regex.Replace(body, "\"token\":\"[^\"]*\"", "\"token\":\"<secret>\"");
        body = Regex.Replace(body, "\"trace_id\":\"[^\"]*\"", "\"trace_id\":\"<trace>\"");
        return Regex.Replace(body, "\"(elapsed_ms|duration_ms)\":\\d+", "\"$1\":0");
    }

    private static async Task CompareAsync(string name, StringBuilder log)
    {
        var file = Path.Combine(SourceFolder(), "files", name + ".txt");
        var actual = log.ToString();
        if (Environment.GetEnvironmentVariable("VERSO_GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, actual);
        }

        Assert.True(File.Exists(file), $"no golden file {name}.txt: run once with VERSO_GOLDEN_UPDATE=1 and review it");
        Assert.Equal(await File.ReadAllTextAsync(file), actual);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
