using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Verso.Server.Tests.Page;

/// <summary>
/// One real <c>verso serve</c> process on a SQLite file holding the sample organization, and one headless
/// Chromium (the system's, never a downloaded one), shared by every browser test of the page.
/// </summary>
public class PageServerFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("verso-page-").FullName;
    private readonly StringBuilder _serverLog = new();
    private Process? _server;
    private IPlaywright? _playwright;

    /// <summary>The page's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>An admin token named <c>ann</c>, who saved every sample version.</summary>
    public string AdminToken { get; private set; } = "";

    /// <summary>A reader token named <c>viewer</c>.</summary>
    public string ReaderToken { get; private set; } = "";

    /// <summary>When agent/alice@1 was saved: the organization as of then has alice at version 1.</summary>
    public string AliceV1SavedAt { get; private set; } = "";

    /// <summary>The browser every test opens its own context in.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A client of the API signed in as <see cref="AdminToken"/>.</summary>
    public HttpClient Api { get; } = new();

    /// <summary>axe-core's script, added to every page the tests open.</summary>
    public string AxeScript { get; private set; } = "";

    /// <summary>Where the tests save their screenshots.</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "page-screenshots");

    /// <summary>Whether the store gets its tokens; without them the server lets loopback callers in as its local admin.</summary>
    protected virtual bool WithTokens => true;

    public async Task InitializeAsync()
    {
        var repository = RepositoryRoot();
        AxeScript = await File.ReadAllTextAsync(Path.Combine(repository, "tests", "axe", "node_modules", "axe-core", "axe.min.js"));
        Directory.CreateDirectory(ScreenshotDirectory);
        var store = Path.Combine(_directory, "verso.db");
        await VersoAsync("--store", store, "init");
        if (WithTokens)
        {
            AdminToken = (await VersoAsync("--store", store, "token", "add", "ann", "--role", "admin", "--by", "ann")).Trim();
            ReaderToken = (await VersoAsync("--store", store, "token", "add", "viewer", "--role", "reader", "--by", "ann")).Trim();
        }

        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        _server = Start("--store", store, "serve", "--urls", BaseUrl);
        Api.BaseAddress = new Uri(BaseUrl);
        if (WithTokens)
        {
            Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        }

        await WaitUntilReadyAsync();
        await SeedAsync(repository);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium(),
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Api.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Saves record as a new version of kind/id through the API; answers the version number.</summary>
    public async Task<int> SaveAsync(string kind, string id, string json, string message)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Api.PutAsync($"/api/v1/entities/{kind}/{id}?message={Uri.EscapeDataString(message)}&new_kind=true", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"saving {kind}/{id} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
    }

    /// <summary>Makes a token through the API (as the admin) and answers its text.</summary>
    public async Task<string> TokenAsync(string name, string role)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/tokens", JsonSerializer.Serialize(new { name, role }));
        return created.GetProperty("token").GetString()!;
    }

    /// <summary>Sends json to an API path, as the admin or with token; fails unless it succeeds; answers the JSON.</summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string path, string? json, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>GETs an API path as the admin and answers its JSON.</summary>
    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var body = await Api.GetStringAsync(path);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task SeedAsync(string repository)
    {
        // Alice first, in three versions: v1 → v3 changes the temperature and drops a charter line.
        var samples = Path.Combine(repository, "samples");
        await SaveAsync("agent", "alice", await File.ReadAllTextAsync(Path.Combine(samples, "agent-alice.json")), "first charter");
        await SaveAsync("agent", "alice", await File.ReadAllTextAsync(Path.Combine(samples, "agent-alice-v2.json")), "one more rule");
        await SaveAsync("agent", "alice", await File.ReadAllTextAsync(Path.Combine(samples, "agent-alice-bad.json")), "let alice ship on her own");
        AliceV1SavedAt = (await GetJsonAsync("/api/v1/entities/agent/alice/versions/1")).GetProperty("saved_at").GetString()!;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(samples, "org"), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var kind = Path.GetFileName(Path.GetDirectoryName(file))!;
            var id = Path.GetFileNameWithoutExtension(file);
            if (kind == "agent" && id == "alice")
            {
                continue;
            }

            await SaveAsync(kind, id, await File.ReadAllTextAsync(file), $"hire {id}");
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        // Waiting for the process to listen, not measuring it: the bound is only there so a broken server fails the run.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if (_server!.HasExited)
            {
                throw new InvalidOperationException($"verso serve exited with {_server.ExitCode}: {_serverLog}");
            }

            try
            {
                using var response = await probe.GetAsync("/readyz");
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

        throw new InvalidOperationException($"verso serve did not become ready: {_serverLog}");
    }

    private static string Verso() => Path.Combine(AppContext.BaseDirectory, "verso.dll");

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Verso());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return info;
    }

    private static async Task<string> VersoAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"verso {string.Join(' ', args)} exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    private Process Start(params string[] args)
    {
        var process = new Process { StartInfo = StartInfo(args) };
        process.OutputDataReceived += (_, e) => { lock (_serverLog) { _serverLog.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (_serverLog) { _serverLog.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Chromium()
    {
        if (Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH") is { Length: > 0 } configured)
        {
            return configured;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("no chromium found: install Debian's chromium (.ci/run does) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH");
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
