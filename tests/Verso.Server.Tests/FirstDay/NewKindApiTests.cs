using System.Net;
using System.Text;
using System.Text.Json;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests.FirstDay;

/// <summary>Issue 28, case 6 on the API: a save to a kind nobody registered or used is a 422 naming the nearest kind, unless new_kind=true.</summary>
public sealed class NewKindApiTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private VersoApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ATypoOfAKindIsA422WithTheSuggestionAndSavesNothing()
    {
        using var client = _factory.CreateClient();

        var response = await client.PutAsync("/api/v1/entities/agnet/alice?saved_by=ann", Json("""{"id":"alice"}"""));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("agent", problem.GetProperty("suggestion").GetString());
        Assert.Equal("agnet", problem.GetProperty("kind").GetString());
        Assert.Equal("'agnet' is not a known kind; did you mean 'agent'? (new_kind=true creates it)", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await _factory.Store.GetStatisticsAsync()).Versions);
    }

    [Fact]
    public async Task NewKindTrueCreatesItAndThenItIsKnown()
    {
        using var client = _factory.CreateClient();

        var created = await client.PutAsync("/api/v1/entities/runbook/r1?saved_by=ann&new_kind=true", Json("""{"n":1}"""));
        var next = await client.PutAsync("/api/v1/entities/runbook/r2?saved_by=ann", Json("""{"n":2}"""));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
