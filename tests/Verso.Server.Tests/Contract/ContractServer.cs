using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Verso.Server.Tests.Contract;

/// <summary>
/// One real <c>verso serve</c> process on a fresh SQLite file, and the npm tools of <c>tests/contract</c>
/// (installed by <c>.ci/run</c>) that check it against its own OpenAPI document.
/// </summary>
public sealed class ContractServer : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verso-contract-").FullName;
    private readonly StringBuilder _serverLog = new();
    private Process? _server;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>An admin token named <c>ann</c>.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>The folder holding the npm tools' package.json and node_modules.</summary>
    public string ToolsDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "contract");

    /// <summary>A scratch folder removed with the server.</summary>
    public string Scratch => _directory;

    /// <summary>What the server printed so far.</summary>
    public string ServerLog
    {
        get
        {
            lock (_serverLog)
            {
                return _serverLog.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        var store = Path.Combine(_directory, "verso.db");
        var init = await RunAsync("dotnet", _directory, [Verso(), "--store", store, "init"]);
        Assert.True(init.ExitCode == 0, $"verso init exited with {init.ExitCode}: {init.Output}");
        // Prism checks the document's bearer scheme on each request, so the clients present a real token.
        var token = await RunAsync("dotnet", _directory, [Verso(), "--store", store, "token", "add", "ann", "--role", "admin", "--by", "ann"]);
        Assert.True(token.ExitCode == 0, $"verso token add exited with {token.ExitCode}: {token.Output}");
        AdminToken = token.Output.Split('\n', StringSplitOptions.TrimEntries).First(line => line.StartsWith("vt1.", StringComparison.Ordinal));
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        _server = Start("dotnet", _directory, [Verso(), "--store", store, "serve", "--urls", BaseUrl], _serverLog);
        await WaitUntilReadyAsync(BaseUrl, () => _server.HasExited ? $"verso serve exited with {_server.ExitCode}: {ServerLog}" : null);
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Fetches the served document into a file of the scratch folder; answers its path.</summary>
    public async Task<string> SaveDocumentAsync()
    {
        using var client = new HttpClient();
        var path = Path.Combine(_directory, "openapi.json");
        await File.WriteAllTextAsync(path, await client.GetStringAsync(BaseUrl + "/openapi/v1.json"));
        return path;
    }

    /// <summary>Runs an installed npm tool (<c>npx --no-install</c>) in the tools folder; answers its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> NpxAsync(params string[] args)
    {
        Assert.True(Directory.Exists(Path.Combine(ToolsDirectory, "node_modules")), "tests/contract has no node_modules: run .ci/run (or npm install in tests/contract)");
        return RunAsync("npx", ToolsDirectory, ["--no-install", .. args]);
    }

    /// <summary>Starts an installed npm tool in the tools folder, its output kept in log.</summary>
    public Process StartNpx(StringBuilder log, params string[] args) => Start("npx", ToolsDirectory, ["--no-install", .. args], log);

    /// <summary>Runs a program to its end; answers its exit code and its output and errors together.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string directory, string[] args)
    {
        var log = new StringBuilder();
        using var process = Start(program, directory, args, log);
        await process.WaitForExitAsync();
        lock (log)
        {
            return (process.ExitCode, log.ToString());
        }
    }

    /// <summary>Polls baseUrl's <c>/readyz</c> until it answers 200; failure() names why to give up.</summary>
    public static async Task WaitUntilReadyAsync(string baseUrl, Func<string?> failure)
    {
        using var probe = new HttpClient();
        // Waiting for the process to listen, not measuring it: the bound is only there so a broken server fails the run.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (failure() is { } reason)
            {
                throw new InvalidOperationException(reason);
            }

            try
            {
                using var response = await probe.GetAsync(baseUrl + "/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"{baseUrl} did not become ready");
    }

    /// <summary>A loopback port nothing listens on.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string program, string directory, string[] args, StringBuilder log)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["NO_COLOR"] = "1";
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Verso() => Path.Combine(AppContext.BaseDirectory, "verso.dll");

    private static string RepositoryRoot()
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
