using System.Net;
using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Files;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests.FirstDay;

/// <summary>
/// Issue 28, the page's raw view: <c>GET …/versions/{ref}/file</c> answers a version's record as the file the CLI
/// writes (YAML, or Markdown for an agent), reading back to the version's own canonical bytes.
/// </summary>
public sealed class RecordFileApiTests : IAsyncLifetime, IDisposable
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
        var alice = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "org", "agent", "alice.json"));
        Assert.Equal(HttpStatusCode.Created, (await _client.PutAsync("/api/v1/entities/agent/alice?saved_by=ann", Json(alice))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PutAsync("/api/v1/entities/doc/d?saved_by=ann", Json("""{"n":"007","on":true,"text":"two\nlines\n"}"""))).StatusCode);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AVersionAsYamlIsTheCliWritersFileAndReadsBackToItsHash()
    {
        var response = await _client.GetAsync("/api/v1/entities/agent/alice/versions/1/file");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var yaml = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(yaml);
        Assert.StartsWith("id: alice\n", text, StringComparison.Ordinal);
        Assert.Contains("charter: |", text, StringComparison.Ordinal);
        Assert.Equal(await HashOfAsync("agent/alice/versions/1"), Hash(RecordFormat.ReadJson("agent", RecordFileFormat.Yaml, yaml)));
    }

    [Fact]
    public async Task StringsThatLookLikeOtherScalarsStayStringsByTagAsWellAsByNumber()
    {
        var yaml = await _client.GetByteArrayAsync("/api/v1/entities/doc/d/versions/@1/file?format=yaml");

        Assert.Equal(await HashOfAsync("doc/d/versions/1"), Hash(RecordFormat.ReadJson("doc", RecordFileFormat.Yaml, yaml)));
        Assert.Contains("n: \"007\"", Encoding.UTF8.GetString(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentAsMarkdownHasItsCharterAsTheBody()
    {
        var response = await _client.GetAsync("/api/v1/entities/agent/alice/versions/1/file?format=md");

        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var markdown = await response.Content.ReadAsByteArrayAsync();
        Assert.StartsWith("---\n", Encoding.UTF8.GetString(markdown), StringComparison.Ordinal);
        Assert.Equal(await HashOfAsync("agent/alice/versions/1"), Hash(RecordFormat.ReadJson("agent", RecordFileFormat.Markdown, markdown)));
    }

    [Theory]
    [InlineData("/api/v1/entities/agent/alice/versions/1/file?format=json", 400, "format must be yaml or md, not 'json'")]
    [InlineData("/api/v1/entities/doc/d/versions/1/file?format=md", 400, "doc records have no Markdown form: use format=yaml")]
    [InlineData("/api/v1/entities/agent/alice/versions/9/file", 404, "agent/alice@9")]
    public async Task AnUnknownFormatOrVersionIsOneProblem(string url, int status, string detail)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> HashOfAsync(string path) =>
        JsonDocument.Parse(await _client.GetStringAsync("/api/v1/entities/" + path)).RootElement.GetProperty("hash").GetString()!;

    private static string Hash(byte[] json) => CanonicalJson.CreateDocument(json).Hash.ToString();

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
