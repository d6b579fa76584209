using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

/// <summary>Server errors the document fuzzer (Fuzz/) found, each pinned by a plain test.</summary>
public abstract partial class ApiContract
{
    [Fact]
    public async Task ChecksOfVersionZeroAre400NotAServerError()
    {
        var id = await NewDocAsync("""{"n":1}""");

        var listed = await ProblemAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/0/checks"), 400);
        var recorded = await ProblemAsync(await Client.PostAsync($"/api/v1/entities/doc/{id}/versions/-1/checks", Body("""{"name":"lint","result":"pass"}""")), 400);

        Assert.Equal(("version", "version"), (Text(listed["parameter"]), Text(recorded["parameter"])));
    }

    [Fact]
    public async Task PruneKeepingMoreDaysThanADateReachesIs400AndPrunesNothing()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");

        var problem = await ProblemAsync(await Client.PostAsync("/api/v1/prune", Body("""{"keep":1,"keep_days":2147483647}""")), 400);

        Assert.Equal("/keep_days", Text(problem["field"]));
        Assert.NotNull((await ReadAsync(await Client.GetAsync($"/api/v1/entities/doc/{id}/versions/1")))["content"]);
    }
}
