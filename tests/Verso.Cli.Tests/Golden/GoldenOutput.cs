using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Golden;

/// <summary>
/// <c>verso --json</c> output for a fixed scenario, recorded once and compared on every run and every store, so
/// that moving the CLI onto the shared wire contract (issue 22) changes no byte a script reads. Times and
/// secrets are masked. Set <c>VERSO_GOLDEN_UPDATE=1</c> to record the files again after a change that is meant.
/// </summary>
public abstract partial class GoldenOutput : IDisposable
{
    protected VersoRunner Verso { get; } = new();

    /// <summary>The <c>--store</c> of the backend under test (created empty).</summary>
    protected abstract Task<string> StoreAsync();

    public void Dispose() => Verso.Dispose();

    [Fact]
    public async Task TagAndTokenOutputIsUnchanged()
    {
        var store = await StoreAsync();
        Verso.WriteFile("a.json", """{"name":"Alice","skills":["go","c#"]}""");
        Verso.WriteFile("b.json", """{"name":"Alice","level":1.5}""");
        var log = new StringBuilder();
        async Task RunAsync(params string[] args)
        {
            var result = await Verso.RunAsync(["--store", store, .. args]);
            log.Append("### ").AppendJoin(' ', args).Append(" -> ").Append(result.ExitCode).Append('\n')
                .Append(Mask(result.Stdout)).Append("\n--- stderr\n").Append(Mask(result.Stderr)).Append('\n');
        }

        // init names the store itself (a path or a host), which differs by run and by store: not recorded.
        Assert.Equal(0, (await Verso.RunAsync("--store", store, "init")).ExitCode);
        await RunAsync("--json", "save", "note", "alice", "a.json", "--by", "ops", "--new-kind");
        await RunAsync("--json", "save", "note", "alice", "b.json", "--by", "ops");
        await RunAsync("--json", "tag", "note/alice@1", "production", "--by", "ops", "--reason", "first");
        await RunAsync("--json", "tag", "note/alice@2", "production", "--by", "lead");
        await RunAsync("--json", "tag", "note/alice@2", "production", "--by", "lead");
        await RunAsync("--json", "tags", "note/alice");
        await RunAsync("--json", "tags", "note/alice", "--history");
        await RunAsync("--json", "tags", "note/nobody");
        await RunAsync("--json", "token", "add", "bot", "--role", "reader", "--kind", "note", "--by", "ops");
        await RunAsync("--json", "token", "add", "act", "--role", "writer", "--act-as", "--by", "ops");
        await RunAsync("--json", "token", "list");
        await RunAsync("--json", "token", "revoke", "bot", "--by", "ops");
        await RunAsync("--json", "token", "list");
        await CompareAsync("tags-tokens", log);
    }

    // Times and secrets differ on every run; nothing else may.
    private static string Mask(string text)
    {
        text = Regex.Replace(text, "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z", "<time>");
        return Regex.Replace(text, "\"token\":\"[^\"]*\"", "\"token\":\"<secret>\"");
    }

    private static async Task CompareAsync(string name, StringBuilder log)
    {
        var file = Path.Combine(SourceFolder(), "files", name + ".txt");
        var actual = log.ToString();
        if (Environment.GetEnvironmentVariable("VERSO_GOLDEN_UPDATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, actual);
        }

        Assert.True(File.Exists(file), $"no golden file {name}.txt: run once with VERSO_GOLDEN_UPDATE=1 and review it");
        Assert.Equal(await File.ReadAllTextAsync(file), actual);
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
