using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class WatchCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task WatchPrintsNewVersionsOfItsKindAsTheyLand()
    {
        await _verso.InitializedAsync();
        var watching = _verso.RunAsync("watch", "note", "--limit", "2");
        // The watcher subscribes at some point after it starts; keep saving until it has seen two versions.
        for (var n = 0; n < 300 && !watching.IsCompleted; n++)
        {
            _verso.WriteFile("other.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "role", "r", "other.json", "--by", "ops");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "other.json", "--by", "ops");
            await Task.WhenAny(watching, Task.Delay(50));
        }

        var result = await watching;

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^note/alice@\d+ sha256:[0-9a-f]{64}$", line));
    }

    [Fact]
    public async Task ABadKindExitsTwo()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("watch", "Not-A-Kind");

        Assert.Equal(2, result.ExitCode);
    }
}
