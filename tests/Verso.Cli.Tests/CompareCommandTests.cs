using System.Text.Json;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class CompareCommandTests : IDisposable
{
    private const string Base = """{"name":"Alice","level":"junior","charter":"# Alice\nReview code.\nBe kind.\nBe brief.\n","tools":["git.read"]}""";
    private const string Ours = """{"name":"Alice","level":"senior","charter":"# Alice\nReview code.\nBe kind.\nBe brief.\n","tools":["git.read"]}""";
    private const string Theirs = """{"name":"Alice","level":"junior","charter":"# Alice\nReview code carefully.\nBe kind.\nBe brief.\n","tools":["git.read","ci.status"]}""";

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task DiffAsTextShowsPathsOldAndNewAndLineHunks()
    {
        await SaveAsync(Base, Theirs);

        var result = await _verso.RunAsync("diff", "note/alice@1", "note/alice@2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+ /tools/1: \"ci.status\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ /charter:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("-Review code.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+Review code carefully.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("@@ -1,4 +1,4 @@", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffAsJsonIsTheChangeList()
    {
        await SaveAsync(Base, Ours);

        var changes = (await _verso.RunAsync("diff", "note/alice@1", "note/alice@2", "--format", "json")).Json();

        var change = Assert.Single(changes.EnumerateArray());
        Assert.Equal("/level", change.GetProperty("path").GetString());
        Assert.Equal("modified", change.GetProperty("kind").GetString());
        Assert.Equal(("junior", "senior"), (change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
    }

    [Fact]
    public async Task ADiffAsPatchTurnsTheOldVersionIntoTheNewOne()
    {
        await SaveAsync(Base, Theirs);
        var patch = await _verso.RunAsync("diff", "note/alice@1", "note/alice@2", "--format", "patch");
        _verso.WriteFile("patch.json", patch.Stdout);
        _verso.WriteFile("base.json", Base);

        var patched = await _verso.RunAsync("patch", "base.json", "patch.json");
        var second = await _verso.RunAsync("show", "note/alice@2", "--canonical");

        Assert.Equal(0, patched.ExitCode);
        Assert.Equal(second.Stdout, patched.Stdout);
    }

    [Fact]
    public async Task AFailingPatchExitsTwoNamingTheOperation()
    {
        _verso.WriteFile("doc.json", """{"a":1}""");
        _verso.WriteFile("patch.json", """[{"op":"replace","path":"/a","value":2},{"op":"remove","path":"/missing"}]""");

        var result = await _verso.RunAsync("patch", "doc.json", "patch.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("operation 1", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("/missing", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task ACleanMergeOfTwoVersionsPrintsTheCombinedDocument()
    {
        await SaveAsync(Base, Ours, Theirs);

        var merged = (await _verso.RunAsync("--json", "merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "3")).Json();

        Assert.True(merged.GetProperty("clean").GetBoolean());
        var document = merged.GetProperty("merged");
        Assert.Equal("senior", document.GetProperty("level").GetString());
        Assert.Equal("# Alice\nReview code carefully.\nBe kind.\nBe brief.\n", document.GetProperty("charter").GetString());
        Assert.Equal(2, document.GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task ASavedMergeRecordsTheOperationAndBothParents()
    {
        await SaveAsync(Base, Ours);
        _verso.WriteFile("theirs.json", Theirs);

        var saved = await _verso.RunAsync("merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "theirs.json", "--save", "--by", "ops", "-m", "combine");
        var version = (await _verso.RunAsync("--json", "show", "note/alice@3")).Json();

        Assert.Equal(0, saved.ExitCode);
        Assert.StartsWith("created note/alice@3 ", saved.Stdout, StringComparison.Ordinal);
        Assert.Equal("merge", version.GetProperty("operation").GetString());
        var message = version.GetProperty("message").GetString()!;
        Assert.Contains("note/alice@2 (ours)", message, StringComparison.Ordinal);
        Assert.Contains("theirs.json sha256:", message, StringComparison.Ordinal);
        Assert.Contains("base @1", message, StringComparison.Ordinal);
        Assert.EndsWith(": combine", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConflictingMergeExitsThreeListingConflictsAndSavesNothing()
    {
        await SaveAsync(Base, Ours, Base.Replace("junior", "staff", StringComparison.Ordinal));

        var result = await _verso.RunAsync("merge", "note/alice", "--base", "1", "--ours", "2", "--theirs", "3", "--save", "--by", "ops");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("conflict at /level: base \"junior\", ours \"senior\", theirs \"staff\"", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task BlameNamesTheVersionBehindEachValueAndLine()
    {
        await SaveAsync(Base, Ours, """{"name":"Alice","level":"senior","charter":"# Alice\nReview code carefully.\nBe kind.\nBe brief.\n","tools":["git.read"]}""");

        var blame = (await _verso.RunAsync("--json", "blame", "note/alice")).Json();
        var atTwo = (await _verso.RunAsync("--json", "blame", "note/alice@2")).Json();

        Assert.Equal(2, Entry(blame, "/level").GetProperty("version").GetInt32());
        Assert.Equal(1, Entry(blame, "/name").GetProperty("version").GetInt32());
        var lines = Entry(blame, "/charter").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("version").GetInt32());
        Assert.Equal([1, 3, 1, 1], lines);
        Assert.Equal([1, 1, 1, 1], Entry(atTwo, "/charter").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("version").GetInt32()));
    }

    private static JsonElement Entry(JsonElement blame, string path) =>
        blame.EnumerateArray().Single(e => e.GetProperty("path").GetString() == path);

    private async Task SaveAsync(params string[] versions)
    {
        await _verso.InitializedAsync();
        foreach (var json in versions)
        {
            _verso.WriteFile("v.json", json);
            var result = await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
            Assert.Equal(0, result.ExitCode);
        }
    }
}
