using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class SaveCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task SavingNewContentCreatesVersionOne()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice","charter":"be kind"}""");

        var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "ops", "-m", "first");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^created note/alice@1 sha256:[0-9a-f]{64}\n$", result.Stdout);
    }

    [Fact]
    public async Task SavingTheSameContentAgainIsUnchanged()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        _verso.WriteFile("same.json", "{ \"name\" :  \"Alice\" }\n");
        var first = await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "ops");

        var again = await _verso.RunAsync("save", "--new-kind", "note", "alice", "same.json", "--by", "ops");

        Assert.Equal(0, again.ExitCode);
        Assert.Equal(first.Stdout.Replace("created", "unchanged", StringComparison.Ordinal), again.Stdout);
    }

    [Fact]
    public async Task ForceAppendsEvenWhenUnchanged()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "ops");

        var forced = await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "a.json", "--by", "ops", "--force");
        var log = await _verso.RunAsync("--json", "log", "note/alice");

        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(2, forced.Json().GetProperty("version").GetInt32());
        Assert.Equal("force", log.Json()[0].GetProperty("operation").GetString());
    }

    [Fact]
    public async Task ExpectingAVersionThatIsNotTheHeadExitsThreeNamingBothNumbers()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("1.json", """{"n":1}""");
        _verso.WriteFile("2.json", """{"n":2}""");
        _verso.WriteFile("3.json", """{"n":3}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "1.json", "--by", "ops");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "2.json", "--by", "ops");

        var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "3.json", "--by", "ops", "--expect", "5");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("expected version 5", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("head is 2", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(2, (await _verso.RunAsync("--json", "log", "note/alice")).Json().GetArrayLength());
    }

    [Fact]
    public async Task ExpectingTheHeadSaves()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("1.json", """{"n":1}""");
        _verso.WriteFile("2.json", """{"n":2}""");

        var first = await _verso.RunAsync("save", "--new-kind", "note", "alice", "1.json", "--by", "ops", "--expect", "0");
        var second = await _verso.RunAsync("save", "--new-kind", "note", "alice", "2.json", "--by", "ops", "--expect", "1");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.StartsWith("created note/alice@2 ", second.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonOutputHasTheDocumentedShape()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        var hash = (await _verso.RunAsync("hash", "a.json")).Stdout.Trim();

        var created = (await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "a.json", "--by", "ops")).Json();
        var unchanged = (await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "a.json", "--by", "ops")).Json();

        Assert.Equal(
            ["status", "ref", "kind", "id", "version", "hash"],
            created.EnumerateObject().Select(p => p.Name));
        Assert.Equal("created", created.GetProperty("status").GetString());
        Assert.Equal("note/alice@1", created.GetProperty("ref").GetString());
        Assert.Equal("note", created.GetProperty("kind").GetString());
        Assert.Equal("alice", created.GetProperty("id").GetString());
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal(hash, created.GetProperty("hash").GetString());
        Assert.Equal("unchanged", unchanged.GetProperty("status").GetString());
    }

    [Fact]
    public async Task StandardInputIsReadForADash()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunWithInputAsync("""{"from":"stdin"}"""u8.ToArray(), "save", "--new-kind", "note", "alice", "-", "--by", "ops");
        var shown = await _verso.RunAsync("show", "note/alice", "--canonical");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("""{"from":"stdin"}""", shown.Stdout);
    }

    [Theory]
    [InlineData("""{"name": }""", "invalid JSON")]
    [InlineData("""{"a":1,"a":2}""", "duplicate")]
    [InlineData("""[1,2,3]""", "must be a JSON object")]
    public async Task BadJsonExitsTwoWithOneLineAndWritesNothing(string json, string expected)
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("bad.json", json);

        var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "bad.json", "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Theory]
    [InlineData("Agent", "alice", "invalid kind 'Agent'")]
    [InlineData("agent", "../etc/passwd", "invalid entity id '../etc/passwd'")]
    [InlineData("agent", ".hidden", "invalid entity id '.hidden'")]
    [InlineData("9lives", "alice", "invalid kind '9lives'")]
    public async Task ABadKindOrIdExitsTwoAndWritesNothing(string kind, string id, string expected)
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");

        var result = await _verso.RunAsync("save", kind, id, "a.json", "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task AMissingByIsTakenFromVersoUserAndSaidWhileABlankOneExitsTwo()
    {
        _verso.WithEnvironment("VERSO_USER", "dana");
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");

        var defaulted = await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json");
        var blank = await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "  ");
        var log = await _verso.RunAsync("--json", "log", "note/alice");

        Assert.True(defaulted.ExitCode == 0, defaulted.ToString());
        Assert.Contains("recording as 'dana' ($VERSO_USER", defaulted.Stderr, StringComparison.Ordinal);
        Assert.Equal("dana", log.Json()[0].GetProperty("saved_by").GetString());
        Assert.Equal(2, blank.ExitCode);
        Assert.Contains("--by", blank.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingInputFileExitsTwoNamingIt()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "nope.json", "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingWithoutAStoreExitsOneAndCreatesNoFile()
    {
        _verso.WriteFile("a.json", """{"name":"Alice"}""");

        var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "ops");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("verso init", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_verso.PathOf("verso.db")));
    }
}
