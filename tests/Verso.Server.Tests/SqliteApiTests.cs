using System.Net;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

/// <summary>The API contract over a real SQLite file.</summary>
public sealed class SqliteApiTests : ApiContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    protected override IVersionStore OpenAnotherInstance() => SqliteVersionStore.ForFile(_directory.File("verso.db"));

    protected override void Configure(VersoServerOptions options) => options.MaxRequestBodyBytes = 64 * 1024;

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task ABodyOverTheLimitIs413AndWritesNothing()
    {
        var big = "{\"text\":\"" + new string('x', 70 * 1024) + "\"}";

        var response = await PutAsync("doc", "big", big);

        var problem = await Api.ProblemAsync(response, 413);
        Assert.Equal(64 * 1024, Api.Number(problem["limit"]));
        Assert.Equal(0, await Store.CountVersionsAsync(Naming.EntityKey.Create("doc", "big")));
    }

    [Fact]
    public async Task AStoreThatIsNotThereIs503()
    {
        using var empty = new TempDirectory();
        await using var factory = new VersoApiFactory(SqliteVersionStore.ForFile(empty.File("missing.db")));
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var problem = await Api.ProblemAsync(await client.GetAsync("/readyz"), 503);
        Assert.Equal("urn:verso:problem:store-unavailable", Api.Text(problem["type"]));
        await Api.ProblemAsync(await client.GetAsync("/api/v1/entities/doc/x"), 503);
    }
}
