using System.Diagnostics;
using System.Text;
using Verso.Server.Tests.Contract;

namespace Verso.Server.Tests.Clients;

/// <summary>
/// A real <c>verso serve</c> on a given store with an admin act-as token (the seed platform's adapter saves in
/// its users' names), for the Python and TypeScript clients' own suites, which run as child processes.
/// </summary>
public sealed class ClientSuiteServer : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _server;

    private ClientSuiteServer(string scratch) => Scratch = scratch;

    /// <summary>A folder of this run, removed with the server.</summary>
    public string Scratch { get; }

    /// <summary>The server's address.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The admin act-as token.</summary>
    public string Token { get; private set; } = "";

    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Initializes the store at <paramref name="store"/> (a SQLite path or a PostgreSQL URI) and serves it.</summary>
    public static async Task<ClientSuiteServer> StartAsync(string? store = null)
    {
        var server = new ClientSuiteServer(Directory.CreateTempSubdirectory("verso-clients-").FullName);
        store ??= Path.Combine(server.Scratch, "verso.db");
        var verso = Path.Combine(AppContext.BaseDirectory, "verso.dll");
        var init = await RunAsync("dotnet", server.Scratch, [verso, "--store", store, "init"]);
        Assert.True(init.ExitCode == 0, $"verso init exited with {init.ExitCode}: {init.Output}");
        var token = await RunAsync("dotnet", server.Scratch, [verso, "--store", store, "token", "add", "platform", "--role", "admin", "--act-as", "--by", "ann"]);
        Assert.True(token.ExitCode == 0, $"verso token add exited with {token.ExitCode}: {token.Output}");
        server.Token = token.Output.Split('\n', StringSplitOptions.TrimEntries).First(line => line.StartsWith("vt1.", StringComparison.Ordinal));
        server.BaseUrl = $"http://127.0.0.1:{ContractServer.FreePort()}";
        server._server = Start("dotnet", server.Scratch, [verso, "--store", store, "serve", "--urls", server.BaseUrl], server._log, new Dictionary<string, string>());
        await ContractServer.WaitUntilReadyAsync(server.BaseUrl, () => server._server.HasExited ? $"verso serve exited with {server._server.ExitCode}: {server._log}" : null);
        return server;
    }

    /// <summary>Runs a program with the server's address and token in its environment (VERSO_URL, VERSO_TOKEN).</summary>
    public Task<(int ExitCode, string Output)> RunClientAsync(string program, string directory, params string[] args) =>
        RunAsync(program, directory, args, new Dictionary<string, string> { ["VERSO_URL"] = BaseUrl, ["VERSO_TOKEN"] = Token, ["PYTHONDONTWRITEBYTECODE"] = "1" });

    /// <summary>Runs a program to its end; its exit code and its output and errors together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var log = new StringBuilder();
        using var process = Start(program, directory, args, log, environment ?? new Dictionary<string, string>());
        await process.WaitForExitAsync();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(Scratch, recursive: true);
    }

    private static Process Start(string program, string directory, string[] args, StringBuilder log, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verso.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the tests run outside the repository: Verso.slnx not found above " + AppContext.BaseDirectory);
    }
}
