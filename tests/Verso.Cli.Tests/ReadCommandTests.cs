using System.Text.Json;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class ReadCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ShowPrintsTheLatestContentIndented()
    {
        await SaveTwoVersionsAsync();

        var result = await _verso.RunAsync("show", "note/alice");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\n  \"n\": 2,\n  \"name\": \"Alice\"\n}\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowFindsAVersionByNumberAndByHashPrefix()
    {
        var (first, _) = await SaveTwoVersionsAsync();

        var byNumber = await _verso.RunAsync("show", "note/alice@1", "--canonical");
        var byPrefix = await _verso.RunAsync("show", $"note/alice@{first[..15]}", "--canonical");
        var byFullHash = await _verso.RunAsync("show", $"note/alice@{first}", "--canonical");

        Assert.Equal("""{"n":1,"name":"Alice"}""", byNumber.Stdout);
        Assert.Equal(byNumber.Stdout, byPrefix.Stdout);
        Assert.Equal(byNumber.Stdout, byFullHash.Stdout);
    }

    [Fact]
    public async Task ShowCanonicalPrintsExactlyTheBytesTheHashIsOver()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", "{ \"z\": \"é😀\", \"a\": [1.0, 2e-7] }");
        var saved = (await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "a.json", "--by", "ops")).Json();

        var shown = await _verso.RunAsync("show", "note/alice", "--canonical");

        Assert.Equal("{\"a\":[1,2e-7],\"z\":\"é😀\"}"u8.ToArray(), shown.StdoutBytes);
        Assert.Equal(
            saved.GetProperty("hash").GetString(),
            "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(shown.StdoutBytes)));
    }

    [Fact]
    public async Task ShowJsonPrintsMetadataAndContent()
    {
        await SaveTwoVersionsAsync();

        var shown = (await _verso.RunAsync("--json", "show", "note/alice@1")).Json();

        Assert.Equal("note/alice@1", shown.GetProperty("ref").GetString());
        Assert.Equal(1, shown.GetProperty("version").GetInt32());
        Assert.Equal("ops", shown.GetProperty("saved_by").GetString());
        Assert.Equal("first", shown.GetProperty("message").GetString());
        Assert.Equal("save", shown.GetProperty("operation").GetString());
        Assert.True(DateTimeOffset.TryParse(shown.GetProperty("saved_at").GetString(), out _));
        Assert.Equal(1, shown.GetProperty("content").GetProperty("n").GetInt32());
    }

    [Theory]
    [InlineData("note/bob", "note/bob does not exist")]
    [InlineData("note/alice@7", "note/alice@7 does not exist")]
    [InlineData("note/alice@sha256:00000000", "no version of note/alice has a hash starting with 00000000")]
    public async Task ShowOfSomethingMissingExitsFourSayingWhat(string reference, string expected)
    {
        await SaveTwoVersionsAsync();

        var result = await _verso.RunAsync("show", reference);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("note/alice@0")]
    [InlineData("note/alice@sha256:abc")]
    [InlineData("note/alice@latest!")]
    public async Task ShowOfAMalformedRefExitsTwo(string reference)
    {
        await SaveTwoVersionsAsync();

        var result = await _verso.RunAsync("show", reference);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(reference, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogListsVersionsNewestFirst()
    {
        await SaveTwoVersionsAsync();

        var table = await _verso.RunAsync("log", "note/alice");
        var json = (await _verso.RunAsync("--json", "log", "note/alice")).Json();

        Assert.Equal(0, table.ExitCode);
        Assert.True(table.Stdout.IndexOf("second", StringComparison.Ordinal) < table.Stdout.IndexOf("first", StringComparison.Ordinal));
        Assert.Contains(json[0].GetProperty("hash").GetString()![7..19], table.Stdout, StringComparison.Ordinal);
        Assert.Equal([2, 1], json.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal(
            ["ref", "kind", "id", "version", "hash", "saved_by", "saved_at", "message", "operation", "schema_version", "checks"],
            json[0].EnumerateObject().Select(p => p.Name));
        Assert.Matches("^sha256:[0-9a-f]{64}$", json[1].GetProperty("hash").GetString());
    }

    [Fact]
    public async Task LogPagesWithLimitAndOffset()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 5; n++)
        {
            _verso.WriteFile("a.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "ops");
        }

        var page = (await _verso.RunAsync("--json", "log", "note/alice", "--limit", "2", "--offset", "1")).Json();
        var table = await _verso.RunAsync("log", "note/alice", "--limit", "2");

        Assert.Equal([4, 3], page.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Contains("showing 1-2 of 5", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogOfAMissingEntityExitsFour()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("log", "note/nobody");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("note/nobody", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonErrorsAreOneJsonDocument()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("--json", "show", "note/nobody");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal("not_found", result.Json().GetProperty("error").GetProperty("category").GetString());
    }

    private async Task<(string First, string Second)> SaveTwoVersionsAsync()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("1.json", """{"name":"Alice","n":1}""");
        _verso.WriteFile("2.json", """{"name":"Alice","n":2}""");
        var first = (await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "1.json", "--by", "ops", "-m", "first")).Json();
        var second = (await _verso.RunAsync("--json", "save", "--new-kind", "note", "alice", "2.json", "--by", "ops", "-m", "second")).Json();
        return (first.GetProperty("hash").GetString()!, second.GetProperty("hash").GetString()!);
    }
}
