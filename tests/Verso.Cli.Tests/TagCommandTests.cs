using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class TagCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ATagNamesAVersionAndMovingItIsRecorded()
    {
        await SaveAsync(3);

        var tagged = await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "ops", "--reason", "first release");
        var moved = await _verso.RunAsync("tag", "note/alice@3", "production", "--by", "lead");
        var again = await _verso.RunAsync("tag", "note/alice@3", "production", "--by", "lead");
        var shown = (await _verso.RunAsync("--json", "show", "note/alice@production")).Json();
        var tags = (await _verso.RunAsync("--json", "tags", "note/alice")).Json();
        var history = (await _verso.RunAsync("--json", "tags", "note/alice", "--history")).Json();

        Assert.Equal("tagged note/alice@1 as production\n", tagged.Stdout);
        Assert.Equal("moved production to note/alice@3 (was @1)\n", moved.Stdout);
        Assert.StartsWith("unchanged", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, shown.GetProperty("version").GetInt32());
        Assert.Equal(3, tags.GetProperty("production").GetInt32());
        Assert.Equal(2, history.GetArrayLength());
        Assert.Equal(("ops", "first release"), (history[0].GetProperty("moved_by").GetString(), history[0].GetProperty("reason").GetString()));
        Assert.Equal((1, 3), (history[1].GetProperty("from_version").GetInt32(), history[1].GetProperty("to_version").GetInt32()));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("3")]
    [InlineData("-x")]
    public async Task ABadTagNameExitsTwo(string name)
    {
        await SaveAsync(1);

        var result = await _verso.RunAsync("tag", "note/alice@1", name, "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid tag", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTagOrVersionIsNotFound()
    {
        await SaveAsync(1);

        var unknownTag = await _verso.RunAsync("show", "note/alice@staging");
        var unknownVersion = await _verso.RunAsync("tag", "note/alice@5", "staging", "--by", "ops");

        Assert.Equal(4, unknownTag.ExitCode);
        Assert.Contains("has no tag 'staging'", unknownTag.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, unknownVersion.ExitCode);
    }

    private async Task SaveAsync(int versions)
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= versions; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        }
    }
}
