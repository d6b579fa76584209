using System.Text;
using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class RetentionCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task PruneKeepsHeadAndTaggedVersionsAndReadsSayWhoPrunedAndWhy()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""", """{"n":4}""", """{"n":5}""");
        await _verso.RunAsync("tag", "note/alice@2", "audited", "--by", "ops");

        var pruned = await _verso.RunAsync("prune", "note/alice", "--keep", "2", "--by", "ops", "--reason", "retention policy R-1");
        var show = await _verso.RunAsync("show", "note/alice@1");
        var shown = (await _verso.RunAsync("--json", "show", "note/alice@3")).Json();
        var log = await _verso.RunAsync("log", "note/alice");
        var verify = await _verso.RunAsync("verify");

        Assert.Equal(0, pruned.ExitCode);
        Assert.Contains("pruned note/alice @1, @3", pruned.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, show.ExitCode);
        Assert.Contains("the content of note/alice@1 was pruned by ops at ", show.Stderr, StringComparison.Ordinal);
        Assert.Contains(": retention policy R-1", show.Stderr, StringComparison.Ordinal);
        Assert.Equal("pruned", shown.GetProperty("removed").GetProperty("kind").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, shown.GetProperty("content").ValueKind);
        Assert.Contains("[pruned by ops", log.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await _verso.RunAsync("show", "note/alice@2")).ExitCode);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(5, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task PruneWithoutAnEntityAppliesToTheWholeStoreAndADryRunChangesNothing()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");
        _verso.WriteFile("v.json", """{"m":1}""");
        await _verso.RunAsync("save", "--new-kind", "note", "bob", "v.json", "--by", "ops");
        _verso.WriteFile("v.json", """{"m":2}""");
        await _verso.RunAsync("save", "--new-kind", "note", "bob", "v.json", "--by", "ops");

        var dry = (await _verso.RunAsync("--json", "prune", "--keep", "1", "--dry-run")).Json();
        var stillThere = await _verso.RunAsync("show", "note/alice@1");
        var all = await _verso.RunAsync("prune", "--keep", "1", "--by", "ops");

        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.Equal(3, dry.GetProperty("versions").GetInt32());
        Assert.Equal(0, stillThere.ExitCode);
        Assert.Contains("pruned the content of 3 versions of 2 entities", all.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, (await _verso.RunAsync("show", "note/bob@1")).ExitCode);
        Assert.Equal(0, (await _verso.RunAsync("show", "note/bob")).ExitCode);
    }

    [Fact]
    public async Task ErasingTheHeadsContentAppendsATombstoneAndLeavesNoBytesInTheFile()
    {
        const string Secret = "call me on 555-0100-unique-marker";
        await SaveAsync("""{"n":1}""", $$"""{"phone":"{{Secret}}"}""");

        var erased = await _verso.RunAsync("erase", "note/alice@2", "--by", "dpo", "--reason", "personal data (ticket 81)");
        var show = await _verso.RunAsync("show", "note/alice@2");
        var head = (await _verso.RunAsync("--json", "show", "note/alice")).Json();
        var verify = await _verso.RunAsync("verify");
        SqliteConnection.ClearAllPools();

        Assert.Equal(0, erased.ExitCode);
        Assert.Contains("erased the content of note/alice @2", erased.Stdout, StringComparison.Ordinal);
        Assert.Contains("created note/alice@3", erased.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, show.ExitCode);
        Assert.Contains("was erased by dpo at ", show.Stderr, StringComparison.Ordinal);
        Assert.Contains("personal data (ticket 81)", show.Stderr, StringComparison.Ordinal);
        Assert.Equal(("erase", "{}"), (head.GetProperty("operation").GetString(), head.GetProperty("content").GetRawText()));
        Assert.Equal(0, verify.ExitCode);
        foreach (var file in Directory.GetFiles(_verso.Directory.Path, "verso.db*"))
        {
            Assert.DoesNotContain(Secret, Encoding.Latin1.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RollingBackToPrunedContentFailsSayingWhyAndWritesNothing()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""");
        await _verso.RunAsync("prune", "note/alice", "--keep", "1", "--by", "ops", "--reason", "old");

        var rollback = await _verso.RunAsync("rollback", "note/alice", "--to", "1", "--by", "ops");

        Assert.Equal(4, rollback.ExitCode);
        Assert.Contains("the content of note/alice@1 was pruned by ops", rollback.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, await _verso.VersionCountAsync());
    }

    [Theory]
    [InlineData("prune", "note/alice", "--keep", "0")]
    [InlineData("prune", "note/alice", "--keep", "1", "--keep-days", "-1")]
    [InlineData("prune", "note/alice", "--keep", "1", "--keep-days", "2147483647")]
    [InlineData("erase", "note/alice@1", "--by", "dpo")]
    [InlineData("erase", "note/alice@1", "--by", " ", "--reason", "x")]
    public async Task BadRetentionInputExitsTwoAndRemovesNothing(params string[] args)
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""");

        var result = await _verso.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, (await _verso.RunAsync("show", "note/alice@1")).ExitCode);
    }

    [Fact]
    public async Task BlamingOrErasingAgainAVersionWithoutContentSaysWhoRemovedIt()
    {
        await SaveAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");
        await _verso.RunAsync("erase", "note/alice@2", "--by", "dpo", "--reason", "personal data");

        var blame = await _verso.RunAsync("blame", "note/alice@2");
        var again = await _verso.RunAsync("erase", "note/alice@2", "--by", "dpo", "--reason", "again");
        var blameHead = await _verso.RunAsync("blame", "note/alice");

        Assert.Equal(4, blame.ExitCode);
        Assert.Contains("note/alice@2 was erased by dpo", blame.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, again.ExitCode);
        Assert.Contains("personal data", again.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, blameHead.ExitCode);
        Assert.Contains("/n", blameHead.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErasingAMissingVersionIsNotFound()
    {
        await SaveAsync("""{"n":1}""");

        Assert.Equal(4, (await _verso.RunAsync("erase", "note/alice@7", "--by", "dpo", "--reason", "x")).ExitCode);
        Assert.Equal(4, (await _verso.RunAsync("prune", "note/nobody", "--keep", "1")).ExitCode);
    }

    private async Task SaveAsync(params string[] versions)
    {
        await _verso.InitializedAsync();
        foreach (var json in versions)
        {
            _verso.WriteFile("v.json", json);
            var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }
}
