using System.Text;
using Verso.Cli.Infrastructure;
using Verso.Testing.Support;

namespace Verso.Cli.Tests.Support;

/// <summary>
/// Runs the real <c>verso</c> command in-process, in a working directory of its own, with captured
/// streams and a controlled environment (so the developer's own VERSO_STORE never leaks in).
/// </summary>
public sealed class VersoRunner : IDisposable
{
    private readonly Dictionary<string, string> _environment = [];

    public TempDirectory Directory { get; } = new();

    public string PathOf(string name) => Directory.File(name);

    public VersoRunner WithEnvironment(string name, string value)
    {
        _environment[name] = value;
        return this;
    }

    public string WriteFile(string name, string content)
    {
        var path = PathOf(name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync([], args);

    /// <summary>Runs with standard output taken for a terminal, as an interactive user sees it (progress bars on).</summary>
    public Task<CliResult> RunOnTerminalAsync(params string[] args) => RunWithInputAsync([], isTerminal: true, args);

    public Task<CliResult> RunWithInputAsync(byte[] stdin, params string[] args) => RunWithInputAsync(stdin, isTerminal: false, args);

    /// <summary>Runs on a terminal with <paramref name="stdin"/> typed in, as a user answering a question.</summary>
    public Task<CliResult> RunOnTerminalWithInputAsync(byte[] stdin, params string[] args) => RunWithInputAsync(stdin, isTerminal: true, args);

    private async Task<CliResult> RunWithInputAsync(byte[] stdin, bool isTerminal, string[] args)
    {
        if (VersoExecutable.Override is not null && !isTerminal)
        {
            // The executable under test instead (a terminal cannot be faked for a child process, so those runs stay here).
            return await VersoProcess.RunWithInputAsync(Directory.Path, _environment, stdin, args);
        }

        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(stdin);
        var console = new CliConsole(stdout, stderr, input, name => _environment.GetValueOrDefault(name), Directory.Path, isTerminal);
        var exitCode = await VersoCommandLine.RunAsync(args, console);
        return new CliResult(exitCode, stdout.ToArray(), stderr.ToString());
    }

    /// <summary>Runs init on the default store and fails the test if it does not succeed.</summary>
    public async Task<VersoRunner> InitializedAsync()
    {
        var result = await RunAsync("init");
        Assert.True(result.ExitCode == 0, result.ToString());
        return this;
    }

    /// <summary>How many versions the default store holds, read past the CLI.</summary>
    public async Task<long> VersionCountAsync() =>
        (await Verso.Sqlite.SqliteVersionStore.ForFile(PathOf("verso.db")).GetStatisticsAsync()).Versions;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Dispose();
    }
}
