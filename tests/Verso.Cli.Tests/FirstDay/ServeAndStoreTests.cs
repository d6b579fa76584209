using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Cli.Infrastructure;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.FirstDay;

/// <summary>
/// Issue 28, cases 7 and 8: <c>verso serve --port</c> and a busy port in one line; the store found from a
/// subdirectory; no "recording as" before the store is found; tokens name the author saves do.
/// </summary>
public sealed partial class ServeAndStoreTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ServeOnABusyPortSaysSoInOneLineWithAFreePortToTryAndNeverThatItIsServing()
    {
        await _verso.InitializedAsync();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await _verso.RunAsync("serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, result.ExitCode);
        var match = BusyLine().Match(result.Stderr);
        Assert.True(match.Success, result.ToString());
        Assert.Equal(port, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > port);
        Assert.DoesNotContain("serving", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortAndUrlsTogetherAreABadInput()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("serve", "--port", "5181", "--urls", "http://127.0.0.1:5182");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("verso: --port and --urls both say where to listen: give one\n", result.Stderr);
    }

    [Fact]
    public async Task ACommandInASubdirectoryFindsTheStoreAboveItAsGitFindsItsRepository()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"id":"a","n":1}""");
        var deeper = Directory.CreateDirectory(_verso.PathOf(Path.Combine("team", "charters"))).FullName;

        var saved = await RunInAsync(deeper, "save", "--new-kind", "note", "a", Path.Combine("..", "..", "a.json"), "--by", "ops");
        var initialized = await RunInAsync(deeper, "init");

        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Equal(1, await _verso.VersionCountAsync());
        // init never looks upward: it makes a store where it runs.
        Assert.Equal(0, initialized.ExitCode);
        Assert.True(File.Exists(Path.Combine(deeper, "verso.db")));
    }

    [Fact]
    public async Task WithoutAStoreASaveSaysSoFirstAndNamesNoAuthor()
    {
        _verso.WriteFile("a.json", """{"id":"a","n":1}""");

        var result = await _verso.RunAsync("save", "note", "a", "a.json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"verso: no Verso store at {_verso.PathOf("verso.db")}; run 'verso init' to create it\n", result.Stderr);
    }

    [Fact]
    public async Task ATokenRecordsTheSameAuthorASaveWould()
    {
        _verso.WithEnvironment("VERSO_USER", "quinn");
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"id":"a","n":1}""");

        await _verso.RunAsync("token", "add", "ci", "--role", "writer");
        var saved = await _verso.RunAsync("--json", "save", "--new-kind", "note", "a", "a.json");
        var tokens = await _verso.RunAsync("--json", "token", "list");

        Assert.Equal("quinn", tokens.Json()[0].GetProperty("changed_by").GetString());
        Assert.Equal(0, saved.ExitCode);
        Assert.Contains("quinn", (await _verso.RunAsync("log", "note/a")).Stdout, StringComparison.Ordinal);
    }

    // The real command with another working directory than the runner's (the store is found from there).
    private static async Task<CliResult> RunInAsync(string directory, params string[] args)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        using var input = new MemoryStream();
        var console = new CliConsole(stdout, stderr, input, _ => null, directory, isTerminal: false);
        var exitCode = await VersoCommandLine.RunAsync(args, console);
        return new CliResult(exitCode, stdout.ToArray(), stderr.ToString());
    }

    [GeneratedRegex(@"^verso: port (\d+) is in use; try --port (\d+)\n$")]
    private static partial Regex BusyLine();
}
