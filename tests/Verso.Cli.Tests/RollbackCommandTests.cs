using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class RollbackCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task RollingBackAppendsAVersionWithTheOldContentAndRemembersWhich()
    {
        var hashes = await SaveAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");

        var result = (await _verso.RunAsync("--json", "rollback", "note/alice", "--to", "1", "--by", "ops", "--reason", "n=2 broke review")).Json();
        var shown = (await _verso.RunAsync("--json", "show", "note/alice@4")).Json();
        var old = (await _verso.RunAsync("--json", "show", "note/alice@2")).Json();

        Assert.Equal(("created", 4), (result.GetProperty("status").GetString(), result.GetProperty("version").GetInt32()));
        Assert.Equal(hashes[0], shown.GetProperty("hash").GetString());
        Assert.Equal("rollback", shown.GetProperty("operation").GetString());
        Assert.Equal(1, shown.GetProperty("revert_of").GetInt32());
        Assert.Equal("n=2 broke review", shown.GetProperty("message").GetString());
        Assert.Equal(hashes[1], old.GetProperty("hash").GetString());
    }

    [Fact]
    public async Task RollingBackToTheContentTheHeadHasIsANoOpThatSaysSo()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""", """{"n":1}""");

        var result = await _verso.RunAsync("rollback", "note/alice", "--to", "1", "--by", "ops");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("unchanged note/alice@3 ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("already has the content of version 1", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task ExpectGuardsARollbackAndAMissingVersionIsNotFound()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""");

        var conflict = await _verso.RunAsync("rollback", "note/alice", "--to", "1", "--by", "ops", "--expect", "1");
        var missing = await _verso.RunAsync("rollback", "note/alice", "--to", "9", "--by", "ops");

        Assert.Equal(3, conflict.ExitCode);
        Assert.Equal(4, missing.ExitCode);
        Assert.Equal(2, await _verso.VersionCountAsync());
    }

    private async Task<string[]> SaveAsync(params string[] versions)
    {
        await _verso.InitializedAsync();
        var hashes = new List<string>();
        foreach (var json in versions)
        {
            _verso.WriteFile("v.json", json);
            hashes.Add((await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "v.json", "--by", "ops")).Json().GetProperty("hash").GetString()!);
        }

        return [.. hashes];
    }
}
