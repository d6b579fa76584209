using System.Text.Json;
using Microsoft.Playwright;

namespace Verso.Server.Tests.Page;

/// <summary>
/// One browser context and page for one test, watching for what must fail it: a JavaScript error, a
/// console error, a request that fails or answers with an error status the test did not expect.
/// </summary>
public sealed class PageSession : IAsyncDisposable
{
    private readonly List<string> _failures = [];
    private readonly HashSet<int> _expectedStatuses = [];
    private readonly PageServerFixture _server;

    private PageSession(PageServerFixture server, IBrowserContext context, IPage page)
    {
        _server = server;
        Context = context;
        Page = page;
        page.PageError += (_, error) => Fail($"page error: {error}");
        page.Console += (_, message) =>
        {
            // Chromium reports every 4xx/5xx answer as a console error too; those are judged by their status below.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource: the server responded with a status of", StringComparison.Ordinal))
            {
                Fail($"console error: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // Leaving a view aborts its reads on purpose: its change-feed stream, and a fetch still in flight when
            // the user moves on (submitting the time-travel form before the first manifest answered). A write is
            // never aborted that way, so an aborted write still fails the test.
            if (!(request.Failure == "net::ERR_ABORTED" && request.Method == "GET" && request.Url.Contains("/api/v1/", StringComparison.Ordinal)))
            {
                Fail($"request failed: {request.Method} {request.Url} {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !_expectedStatuses.Contains(response.Status))
            {
                Fail($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    /// <summary>Opens a context at 1280×800 (or the given size), signed in with token unless it is null.</summary>
    public static async Task<PageSession> OpenAsync(PageServerFixture server, string? token, int width = 1280, int height = 800)
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        // Init scripts run before the page's own and outside its Content-Security-Policy, so axe-core need not be served.
        await context.AddInitScriptAsync(server.AxeScript);
        if (token is not null)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('verso.token', {JsonSerializer.Serialize(token)})");
        }

        return new PageSession(server, context, await context.NewPageAsync());
    }

    /// <summary>Lets answers with this status pass (a test that provokes a conflict expects its 409).</summary>
    public void Expect(int status) => _expectedStatuses.Add(status);

    /// <summary>Opens the page at hash, e.g. <c>#/e/agent/alice</c>, and waits for its first heading.</summary>
    public async Task GoAsync(string hash)
    {
        await Page.GotoAsync(_server.BaseUrl + "/" + hash);
        await Assertions.Expect(Page.Locator("main h1")).ToBeVisibleAsync();
    }

    /// <summary>Runs axe-core on the page and fails on any serious or critical violation.</summary>
    public async Task AssertAccessibleAsync()
    {
        var violations = await Page.EvaluateAsync<string[]>(
            """
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        Assert.True(violations.Length == 0, "axe-core: " + string.Join("; ", violations));
    }

    /// <summary>Saves a full-page screenshot as NAME.png in the fixture's screenshot folder.</summary>
    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_server.ScreenshotDirectory, name + ".png"), FullPage = true });

    /// <summary>Fails the test with everything that went wrong on the page.</summary>
    public void AssertClean()
    {
        lock (_failures)
        {
            Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures));
        }
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();

    private void Fail(string what)
    {
        lock (_failures)
        {
            _failures.Add(what);
        }
    }
}
