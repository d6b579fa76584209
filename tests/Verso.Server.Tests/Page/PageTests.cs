using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>
/// The tour a person takes through the page, clicked in a real Chromium against a real <c>verso serve</c>.
/// Tests that write use their own entity or read the head first, so they hold in any order.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class PageTests(PageServerFixture server)
{
    [Fact]
    public async Task Overview_filters_to_alice_and_shows_a_new_version_without_a_reload()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/");
        await Expect(page.Locator("section[data-kind=workflow]")).ToContainTextAsync("feature-delivery");
        await Expect(page.Locator("#recent li").First).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("overview");

        await page.GetByLabel("Filter").FillAsync("alice");
        await Expect(page.Locator("tbody tr:visible")).ToHaveCountAsync(1);
        await Expect(page.Locator("tbody tr:visible th a")).ToHaveTextAsync("alice");

        var version = await server.SaveAsync("agent", "ravi", await RaviWithTemperatureAsync(0.35), "warmer ravi");
        await Expect(page.Locator("#recent li").First).ToContainTextAsync($"agent/ravi@{version}");

        await page.Locator("tbody tr:visible th a").ClickAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync("agent/alice");
        session.AssertClean();
    }

    [Fact]
    public async Task History_shows_every_version_with_its_message_and_renders_the_charter_without_markup()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice");
        var timeline = page.Locator("#timeline");
        await Expect(timeline.Locator("li[data-version='1']")).ToContainTextAsync("first charter");
        await Expect(timeline.Locator("li[data-version='3']")).ToContainTextAsync("let alice ship on her own");
        await Expect(page.Locator(".charter .prose h3")).ToHaveTextAsync("Alice — code reviewer");
        await Expect(page.Locator(".agent-fields")).ToContainTextAsync("Temperature");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("history");

        await timeline.GetByRole(AriaRole.Link, new() { Name = "diff v1 → v2" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("agent/alice: v1 → v2");
        session.AssertClean();
    }

    [Fact]
    public async Task Compare_v1_with_v3_shows_the_temperature_change_the_removed_line_and_the_verdict()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/compare/1/3");
        await Expect(page.Locator("#verdict")).ToContainTextAsync("Replay: breaking");
        await Expect(page.Locator("li.change[data-path='/model/temperature']")).ToHaveTextAsync("/model/temperature 0.2 → 1.2");
        var removed = page.Locator(".sbs tr.removed td.old");
        await Expect(removed).ToContainTextAsync("- Never approve your own work.");
        // The edited rule keeps its words and marks only the ones added.
        await Expect(page.Locator(".sbs tr.changed td.new ins")).ToContainTextAsync("and CI is green");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("compare");

        await page.GetByLabel("From").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/e/agent/alice/compare/2/3$"));
        await Expect(page.Locator("main h1")).ToHaveTextAsync("agent/alice: v2 → v3");
        session.AssertClean();
    }

    [Fact]
    public async Task Rollback_with_a_reason_appends_a_version_that_the_timeline_and_the_store_show()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/v/1");
        var head = await HeadAsync("agent", "alice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await Expect(dialog.Locator("li.change[data-path='/model/temperature']")).ToContainTextAsync("→ 0.2");
        await session.AssertAccessibleAsync();
        await dialog.GetByLabel("Reason").FillAsync("autonomy raised without review");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" }).ClickAsync();

        var created = page.Locator($"#timeline li[data-version='{head + 1}']");
        await Expect(created).ToContainTextAsync("rollback to v1");
        await Expect(created).ToContainTextAsync("autonomy raised without review");
        var stored = await server.GetJsonAsync($"/api/v1/entities/agent/alice/versions/{head + 1}");
        Assert.Equal("rollback", stored.GetProperty("operation").GetString());
        Assert.Equal(1, stored.GetProperty("revert_of").GetInt32());
        Assert.Equal("autonomy raised without review", stored.GetProperty("message").GetString());
        session.AssertClean();
    }

    [Fact]
    public async Task Rollback_after_someone_saved_meanwhile_says_so_and_links_their_version()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(409);
        var page = session.Page;
        var start = await HeadAsync("agent", "sam");
        var first = await server.GetJsonAsync("/api/v1/entities/agent/sam");
        var warmer = await server.SaveAsync("agent", "sam", WithTemperature(first.GetProperty("content"), 0.77), "warmer sam");
        await session.GoAsync($"#/e/agent/sam/v/{start}");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Roll back to v{start}" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await dialog.GetByLabel("Reason").FillAsync("too warm");

        // Someone else saves while the dialog is open.
        var meanwhile = await server.SaveAsync("agent", "sam", WithTemperature(first.GetProperty("content"), 0.88), "even warmer");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Roll back to v{start}" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Someone saved version {meanwhile} meanwhile");
        Assert.Equal(meanwhile, await HeadAsync("agent", "sam"));

        await dialog.GetByRole(AriaRole.Link, new() { Name = $"See what changed in v{meanwhile}" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"agent/sam: v{warmer} → v{meanwhile}");
        session.AssertClean();
    }

    [Fact]
    public async Task Promote_a_version_to_production_and_see_the_tag_move_history()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/maya");
        await page.GetByRole(AriaRole.Button, new() { Name = "tag v1" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await Expect(dialog.GetByLabel("Tag")).ToHaveValueAsync("production");
        await dialog.GetByLabel("Reason").FillAsync("reviewed charter");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move tag" }).ClickAsync();

        var tag = page.Locator("li[data-tag=production]");
        await Expect(tag).ToContainTextAsync("production → v1");
        await tag.GetByRole(AriaRole.Button, new() { Name = "moves" }).ClickAsync();
        await Expect(tag.Locator(".moves li")).ToContainTextAsync("reviewed charter");
        var tags = await server.GetJsonAsync("/api/v1/entities/agent/maya/tags");
        Assert.Equal(1, tags.GetProperty("production").GetInt32());
        session.AssertClean();
    }

    [Fact]
    public async Task Blame_links_a_charter_line_to_the_comparison_that_introduced_it()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/blame/3");
        var line = page.Locator("table.lines tr", new() { HasTextString = "Say which line a comment is about." });
        await Expect(line.Locator("td").First).ToHaveTextAsync("v2");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("blame");
        await line.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("agent/alice: v1 → v2");
        await Expect(page.Locator(".sbs tr.added td.new")).ToContainTextAsync("Say which line a comment is about.");
        session.AssertClean();
    }

    [Fact]
    public async Task Time_travel_shows_the_organization_as_of_a_past_time_with_its_root_hash()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/time");
        await page.GetByLabel("The organization as of (UTC)").FillAsync(server.AliceV1SavedAt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();

        var then = await server.GetJsonAsync("/api/v1/manifest?at=" + Uri.EscapeDataString(server.AliceV1SavedAt));
        await Expect(page.Locator("#root")).ToHaveTextAsync(then.GetProperty("root").GetString()!);
        var alice = page.Locator("#time-result tr", new() { HasTextString = "agent/alice" });
        await Expect(alice.Locator("td").First).ToHaveTextAsync("v1");
        // Nothing else existed yet: alice was the first save.
        await Expect(page.Locator("#time-result tbody tr")).ToHaveCountAsync(then.GetProperty("entries").GetArrayLength());
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("time-travel");

        await page.GetByLabel("Changes from").FillAsync(server.AliceV1SavedAt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare times" }).ClickAsync();
        await Expect(page.Locator("#time-result li.change.added", new() { HasTextString = "workflow/feature-delivery" })).ToBeVisibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task A_reader_signs_in_and_finds_no_write_buttons_and_the_api_refuses_the_write()
    {
        await using var session = await PageSession.OpenAsync(server, token: null);
        // Before sign-in the page asks who it is and is told that a token is needed.
        session.Expect(401);
        var page = session.Page;
        await session.GoAsync("#/");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Sign in");
        await session.AssertAccessibleAsync();
        await page.GetByLabel("Token").FillAsync(server.ReaderToken);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("viewer (reader)");

        await page.GetByLabel("Filter").FillAsync("alice");
        await page.GetByRole(AriaRole.Link, new() { Name = "alice", Exact = true }).ClickAsync();
        await page.Locator("#timeline li[data-version='1'] a").First.ClickAsync();
        await Expect(page.Locator("main h1")).ToContainTextAsync("agent/alice @1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Blame" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "decisions under v1" })).ToBeVisibleAsync();
        // An admin sees these on the same page (the other tests click them); a reader sees none.
        var writes = new Regex("^(edit|roll back|move a tag|tag v)", RegexOptions.IgnoreCase);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = writes })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = writes })).ToHaveCountAsync(0);
        session.Expect(403);
        var refused = await page.EvaluateAsync<int>(
            """
            async () => (await fetch('/api/v1/entities/agent/alice/rollback', { method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + sessionStorage.getItem('verso.token') },
              body: JSON.stringify({ to: 1, reason: 'reader tries' }) })).status
            """);
        Assert.Equal(403, refused);
        session.AssertClean();
    }

    [Fact]
    public async Task Edit_shows_validation_problems_next_to_their_paths()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(422);
        var page = session.Page;
        await session.GoAsync("#/e/agent/quinn/edit");
        await page.GetByLabel("Temperature").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#problems li code").First).ToHaveTextAsync("/model/temperature");
        await Expect(page.Locator("#problems li").First).ToContainTextAsync("temperature");
        Assert.Equal(1, await HeadAsync("agent", "quinn"));
        session.AssertClean();
    }

    [Fact]
    public async Task The_comparison_fits_a_phone_width_screen()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken, width: 390, height: 844);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/compare/1/3");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the comparison is wider than a phone screen");
        await session.ScreenshotAsync("compare-phone");
        session.AssertClean();
    }

    private async Task<int> HeadAsync(string kind, string id) =>
        (await server.GetJsonAsync($"/api/v1/entities/{kind}/{id}")).GetProperty("version").GetInt32();

    private async Task<string> RaviWithTemperatureAsync(double temperature) =>
        WithTemperature((await server.GetJsonAsync("/api/v1/entities/agent/ravi")).GetProperty("content"), temperature);

    private static string WithTemperature(JsonElement content, double temperature)
    {
        var record = System.Text.Json.Nodes.JsonNode.Parse(content.GetRawText())!;
        record["model"]!["temperature"] = temperature;
        return record.ToJsonString();
    }
}
