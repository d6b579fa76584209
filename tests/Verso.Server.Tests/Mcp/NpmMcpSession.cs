using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Verso.Server.Tests.Contract;

namespace Verso.Server.Tests.Mcp;

/// <summary>
/// The official MCP TypeScript SDK's client (<c>tests/mcp</c>, installed by <c>.ci/run</c>) runs the scripted agent
/// session of <c>tests/mcp/session.mjs</c> against the real <c>verso mcp</c> process (stdio) and the real
/// <c>verso serve</c>'s <c>/mcp</c> (streamable HTTP); a person approves and applies on that server's REST API.
/// Each test has its own store with alice's and ravi's charters, an agent token and a person's admin token.
/// </summary>
public abstract class NpmMcpSession : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verso-mcp-").FullName;
    private readonly StringBuilder _serverLog = new();
    private Process? _server;
    private string _store = "";
    private string _baseUrl = "";
    private string _agentToken = "";
    private string _personToken = "";

    private static string ClientDirectory { get; } = Path.Combine(RepositoryRoot(), "tests", "mcp");

    private static string Verso { get; } = Path.Combine(AppContext.BaseDirectory, "verso.dll");

    /// <summary>The <c>--store</c> of a new, empty store.</summary>
    protected abstract Task<string> CreateStoreAsync(string directory);

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync(_directory);
        await VersoAsync("init");
        await VersoAsync("save", "agent", "alice", Sample("alice"), "--by", "ann", "-m", "first charter");
        await VersoAsync("save", "agent", "ravi", Sample("ravi"), "--by", "ann", "-m", "first charter");
        _agentToken = Token(await VersoAsync("token", "add", "agent-alice", "--role", "writer", "--kind", "agent", "--kind", "decision", "--kind", "change-request", "--by", "ann"));
        _personToken = Token(await VersoAsync("token", "add", "quinn", "--role", "admin", "--by", "ann"));
        _baseUrl = $"http://127.0.0.1:{ContractServer.FreePort()}";
        _server = Start("dotnet", _directory, [Verso, "--store", _store, "serve", "--urls", _baseUrl], _serverLog);
        await ContractServer.WaitUntilReadyAsync(_baseUrl, () => _server.HasExited ? $"verso serve exited with {_server.ExitCode}: {_serverLog}" : null);
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

    [Fact]
    public async Task TheAgentSessionRunsOverStdioAgainstVersoMcp() =>
        AssertSession(await SessionAsync(new JsonObject
        {
            ["transport"] = "stdio",
            ["command"] = "dotnet",
            ["args"] = new JsonArray(Verso, "--store", _store, "mcp", "--token", _agentToken),
        }));

    [Fact]
    public async Task TheAgentSessionRunsOverStreamableHttpAgainstVersoServe() =>
        AssertSession(await SessionAsync(new JsonObject { ["transport"] = "http", ["url"] = _baseUrl + "/mcp" }));

    [Fact]
    public async Task TheAgentSessionRunsOverStdioForwardedToTheServer() =>
        AssertSession(await SessionAsync(new JsonObject
        {
            ["transport"] = "stdio",
            ["command"] = "dotnet",
            ["args"] = new JsonArray(Verso, "mcp", "--server", _baseUrl, "--token", _agentToken),
        }));

    private static void AssertSession(JsonNode summary)
    {
        Assert.Equal(
            ["blame", "change_request", "compat", "diff", "get_version", "list_versions", "promotion", "propose_change", "record_decision", "resolve"],
            summary["tools"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(3, summary["templates"]!.AsArray().Count);
        Assert.Equal("agent/alice@1", summary["first"]!.GetValue<string>());
        Assert.Equal("decision/task-1@1", summary["decision"]!.GetValue<string>());
        Assert.Equal("verso-mcp-audit/agent-alice@1", summary["audit"]!.GetValue<string>());
        Assert.Equal("agent/alice@2", summary["second"]!.GetValue<string>());
        Assert.Equal("applied", summary["status"]!.GetValue<string>());
        Assert.Contains(summary["referred_by"]!.AsArray(), r => r!.GetValue<string>() == "decision/task-1@1");
        Assert.Equal("agent/alice@1", summary["resource"]!.GetValue<string>());
    }

    private async Task<JsonNode> SessionAsync(JsonObject options)
    {
        Assert.True(Directory.Exists(Path.Combine(ClientDirectory, "node_modules", "@modelcontextprotocol", "sdk")), "tests/mcp has no node_modules: run .ci/run (or npm install in tests/mcp)");
        options["rest"] = _baseUrl;
        options["agentToken"] = _agentToken;
        options["personToken"] = _personToken;
        var (exitCode, output) = await ContractServer.RunAsync("node", ClientDirectory, ["session.mjs", options.ToJsonString()]);
        Assert.True(exitCode == 0, $"the session failed ({exitCode}): {output}\nserver: {_serverLog}");
        var line = output.Split('\n').Single(l => l.StartsWith("{\"tools\"", StringComparison.Ordinal));
        return JsonNode.Parse(line)!;
    }

    private async Task<string> VersoAsync(params string[] args)
    {
        var (exitCode, output) = await ContractServer.RunAsync("dotnet", _directory, [Verso, "--store", _store, .. args]);
        Assert.True(exitCode == 0, $"verso {string.Join(' ', args)} exited with {exitCode}: {output}");
        return output;
    }

    private static string Token(string output) => output.Split('\n', StringSplitOptions.TrimEntries).First(l => l.StartsWith("vt1.", StringComparison.Ordinal));

    private static string Sample(string agent) => Path.Combine(AppContext.BaseDirectory, "samples", "org", "agent", agent + ".json");

    private static Process Start(string program, string directory, string[] args, StringBuilder log)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

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
