using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.FirstDay;

/// <summary>Issue 28, case 6: a kind does not appear by accident; a typo is refused with the kind it was probably meant to be.</summary>
public sealed class NewKindTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ASaveToATypoOfAKindIsRefusedWithTheNearestKindAndSavesNothing()
    {
        await _verso.InitializedAsync();
        File.Copy(Path.Combine(Repository.Root(), "samples", "agent-alice.json"), _verso.PathOf("alice.json"));

        var refused = await _verso.RunAsync("save", "agnet", "alice", "alice.json", "--by", "ops");

        Assert.Equal(2, refused.ExitCode);
        Assert.Equal("verso: 'agnet' is not a known kind; did you mean 'agent'? (--new-kind creates it)\n", refused.Stderr);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task NewKindCreatesTheKindAndLaterSavesToItNeedNoFlag()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("n.json", """{"id":"n1","text":"hello"}""");
        _verso.WriteFile("n2.json", """{"id":"n1","text":"hello again"}""");

        var created = await _verso.RunAsync("save", "runbook", "n1", "n.json", "--by", "ops", "--new-kind");
        var again = await _verso.RunAsync("save", "runbook", "n1", "n2.json", "--by", "ops");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith("created runbook/n1@2 ", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListOfAKindWithNoEntitiesSuggestsTheNearestKind()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("list", "agents");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("the store holds no agents entities; did you mean agent?\n", result.Stdout);
    }
}
