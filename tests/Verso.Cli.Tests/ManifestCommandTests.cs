using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class ManifestCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task TheManifestListsEveryEntityAndARootThatChangesWithTheState()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"n":1}""");
        await _verso.RunAsync("save", "--new-kind", "note", "b", "a.json", "--by", "ops");
        await _verso.RunAsync("save", "--new-kind", "note", "a", "a.json", "--by", "ops");
        var first = (await _verso.RunAsync("--json", "manifest")).Json();
        var atFirst = first.GetProperty("root").GetString();
        var savedAt = (await _verso.RunAsync("--json", "show", "note/a")).Json().GetProperty("saved_at").GetString()!;
        _verso.WriteFile("a.json", """{"n":2}""");
        await _verso.RunAsync("save", "--new-kind", "note", "a", "a.json", "--by", "ops");

        var now = await _verso.RunAsync("manifest");
        var then = (await _verso.RunAsync("--json", "manifest", "--at", savedAt)).Json();
        var bad = await _verso.RunAsync("manifest", "--at", "yesterday");

        Assert.Equal(["note/a@1", "note/b@1"], first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("ref").GetString()));
        Assert.Contains("note/a@2 sha256:", now.Stdout, StringComparison.Ordinal);
        Assert.Matches("root sha256:[0-9a-f]{64}\n$", now.Stdout);
        Assert.DoesNotContain(atFirst!, now.Stdout, StringComparison.Ordinal);
        Assert.Equal(atFirst, then.GetProperty("root").GetString());
        Assert.Equal(2, bad.ExitCode);
    }
}
