using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Verso.Documents.Canonical;
using Verso.Files;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>
/// Issue 28, cases 9 to 13: an operator's day on the page. Each test that writes works on an agent of its own
/// (copied from quinn) and entity-scoped policies, so the shared server stays as the other page tests expect.
/// </summary>
[Collection(PageCollection.Name)]
public sealed class FirstDayPageTests(PageServerFixture server)
{
    [Fact]
    public async Task Other_fields_open_into_a_layout_where_every_value_has_room()
    {
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/v/1");
        await page.Locator(".agent-fields summary").ClickAsync();
        var values = page.Locator(".agent-fields details dd");
        await Expect(values.First).ToBeVisibleAsync();

        var narrowest = await values.EvaluateAllAsync<double>("nodes => Math.min(...nodes.map(n => n.getBoundingClientRect().width))");
        var height = await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight");
        Assert.True(narrowest >= 120, $"a value of Other fields is {narrowest}px wide");
        Assert.True(height < 4000, $"the page is {height}px high with Other fields open");
        await session.AssertAccessibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Change_requests_and_checks_stay_out_of_recent_changes_time_travel_and_a_versions_decisions()
    {
        var id = await NewAgentAsync("internal");
        var record = await ContentAsync(id);
        record["model"]!["temperature"] = 0.15;
        await server.SendAsync(HttpMethod.Post, "/api/v1/change-requests", new JsonObject { ["kind"] = "agent", ["id"] = id, ["record"] = record, ["message"] = "cooler" }.ToJsonString());
        await server.SendAsync(HttpMethod.Post, $"/api/v1/entities/agent/{id}/versions/1/checks", """{"name":"evals","result":"pass"}""");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/");
        await Expect(page.Locator("#recent li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#recent")).Not.ToContainTextAsync("change-request/");
        await Expect(page.Locator("#recent")).Not.ToContainTextAsync("check/");
        await Expect(page.Locator("section[data-kind='change-request']")).ToHaveCountAsync(0);

        await session.GoAsync("#/time");
        await Expect(page.Locator("#root")).ToBeVisibleAsync();
        await Expect(page.Locator("#time-result")).Not.ToContainTextAsync("change-request/");
        await Expect(page.Locator("#time-result")).Not.ToContainTextAsync("check/");

        await session.GoAsync($"#/e/agent/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "decisions under v1" }).ClickAsync();
        await Expect(page.Locator("li[data-version='1'] .referrers")).ToHaveTextAsync("No decision pins this version.");
        session.AssertClean();
    }

    [Fact]
    public async Task With_direct_saves_off_the_page_offers_only_proposals_and_a_rollback_becomes_a_change_request()
    {
        var id = await NewAgentAsync("review-only");
        var record = await ContentAsync(id);
        record["model"]!["temperature"] = 0.9;
        await server.SaveAsync("agent", id, record.ToJsonString(), "warmer");
        await server.SaveAsync("policy", $"entity.agent.{id}", """{"approvals":1,"direct_saves":false}""", "review first");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}");
        await Expect(page.Locator("#review-only")).ToBeVisibleAsync();
        var first = page.Locator("#timeline li[data-version='1']");
        await Expect(first.GetByRole(AriaRole.Button, new() { Name = "roll back here" })).ToHaveCountAsync(0);
        await first.GetByRole(AriaRole.Button, new() { Name = "propose this rollback" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await Expect(dialog.Locator("li.change[data-path='/model/temperature']")).ToContainTextAsync("0.9 → ");
        await session.AssertAccessibleAsync();
        await dialog.GetByLabel("Reason").FillAsync("the warmer model drifted");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Propose the rollback" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/cr/cr-[0-9]+$"));
        await Expect(page.Locator("#cr-status")).ToHaveTextAsync("open");
        Assert.Equal(2, await HeadAsync(id));

        await session.GoAsync($"#/e/agent/{id}/edit");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Propose for review" })).ToHaveCountAsync(1);
        session.AssertClean();
    }

    [Fact]
    public async Task The_rollback_dialog_shows_the_charter_text_it_would_change()
    {
        var id = await NewAgentAsync("prose");
        var record = await ContentAsync(id);
        record["charter"] = record["charter"]!.GetValue<string>() + "\n- Log every hand-off.\n";
        await server.SaveAsync("agent", id, record.ToJsonString(), "one more rule");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}/v/1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Roll back to v1" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await Expect(dialog.Locator(".sbs")).ToContainTextAsync("Log every hand-off.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task An_agent_is_created_from_the_page_with_its_fields_and_a_Markdown_charter()
    {
        var id = $"newbie-{Guid.NewGuid().ToString("N")[..6]}";
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/");
        await page.Locator("#new-entity").ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync("New entity");
        await page.GetByLabel("Id", new() { Exact = true }).FillAsync(id);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Newbie Nguyen");
        await page.GetByLabel("Role").FillAsync("code-reviewer");
        await page.GetByLabel("Model", new() { Exact = true }).FillAsync("claude-sonnet");
        await page.GetByLabel("Charter (Markdown)").FillAsync("# Newbie\n\n- Ask before merging.\n");
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Expect(page.Locator("main h1")).ToContainTextAsync($"agent/{id}");
        await Expect(page.Locator(".charter .prose h1, .charter .prose h2, .charter .prose h3").First).ToHaveTextAsync("Newbie");
        var saved = await ContentAsync(id);
        Assert.Equal(("Newbie Nguyen", id), (saved["name"]!.GetValue<string>(), saved["id"]!.GetValue<string>()));
        session.AssertClean();
    }

    [Fact]
    public async Task The_agent_editor_edits_the_charter_as_Markdown_and_carries_it_to_the_JSON_tab()
    {
        var id = await NewAgentAsync("editor");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}/edit");
        var charter = page.GetByLabel("Charter (Markdown)");
        await Expect(charter).ToHaveValueAsync(new Regex("\\n"));
        await charter.FillAsync((await charter.InputValueAsync()) + "\n- Write the release note.\n");
        await page.GetByRole(AriaRole.Tab, new() { Name = "JSON (advanced)" }).ClickAsync();
        await Expect(page.GetByLabel("Record (JSON)")).ToHaveValueAsync(new Regex("Write the release note"));
        await session.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Fields and charter" }).ClickAsync();
        await page.GetByLabel("Message").FillAsync("release notes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.Locator("main h1")).ToContainTextAsync("@2");
        Assert.EndsWith("- Write the release note.\n", (await ContentAsync(id))["charter"]!.GetValue<string>(), StringComparison.Ordinal);
        session.AssertClean();
    }

    [Fact]
    public async Task Compare_picks_versions_and_tags_names_a_tag_as_itself_and_keeps_the_page_when_a_version_is_missing()
    {
        var id = await NewAgentAsync("picker");
        var record = await ContentAsync(id);
        record["model"]!["temperature"] = 0.7;
        await server.SaveAsync("agent", id, record.ToJsonString(), "warmer");
        await server.SendAsync(HttpMethod.Put, $"/api/v1/entities/agent/{id}/tags/production", """{"version":1}""");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(404);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}/compare/production/2");
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"agent/{id}: production → v2");
        await Expect(page.Locator("#from option")).ToHaveCountAsync(3);
        await session.AssertAccessibleAsync();

        await session.GoAsync($"#/e/agent/{id}/compare/1/99");
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"agent/{id}: v1 → v99");
        await Expect(page.Locator("#compare-problem")).ToContainTextAsync("has versions 1 to 2");
        await page.GetByLabel("To").SelectOptionAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Expect(page.Locator("main h1")).ToHaveTextAsync($"agent/{id}: v1 → v2");
        await Expect(page.Locator("li.change[data-path='/model/temperature']")).ToBeVisibleAsync();

        await session.GoAsync("#/e/agent/nobody-here");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Not found");
        await Expect(page.Locator("main [role=alert]")).ToContainTextAsync("nobody-here");
        session.AssertClean();
    }

    [Fact]
    public async Task A_version_is_shown_raw_copied_and_downloaded_as_JSON()
    {
        var id = await NewAgentAsync("raw");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        await session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseUrl });
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}");
        await page.GetByText("JSON of v1").ClickAsync();
        await Expect(page.Locator("#raw-json")).ToContainTextAsync($"\"id\": \"{id}\"");
        await page.Locator("#copy-json").ClickAsync();
        await Expect(page.Locator("#raw-status")).ToHaveTextAsync("Copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(id, JsonNode.Parse(copied)!["id"]!.GetValue<string>());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-json").ClickAsync());
        Assert.Equal($"agent-{id}-v1.json", download.SuggestedFilename);
        var file = await download.PathAsync();
        Assert.Equal(copied, await File.ReadAllTextAsync(file));
        session.AssertClean();
    }

    [Fact]
    public async Task A_version_is_shown_copied_and_downloaded_as_the_YAML_the_CLI_writes()
    {
        var id = await NewAgentAsync("yaml");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        await session.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseUrl });
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}");
        await page.GetByText("YAML of v1").ClickAsync();
        await Expect(page.Locator("#raw-yaml")).ToContainTextAsync($"id: {id}\n");
        await Expect(page.Locator("#raw-yaml")).ToContainTextAsync("charter: |");
        await session.AssertAccessibleAsync();
        await page.Locator("#copy-yaml").ClickAsync();
        await Expect(page.Locator("#raw-yaml-status")).ToHaveTextAsync("Copied.");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        // The file the API answers for the version, and it reads back to the version's own content hash.
        Assert.Equal(await server.Api.GetStringAsync($"/api/v1/entities/agent/{id}/versions/1/file"), copied);
        var hash = (await server.GetJsonAsync($"/api/v1/entities/agent/{id}/versions/1")).GetProperty("hash").GetString();
        Assert.Equal(hash, CanonicalJson.CreateDocument(RecordFormat.ReadJson("agent", RecordFileFormat.Yaml, Encoding.UTF8.GetBytes(copied))).Hash.ToString());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-yaml").ClickAsync());
        Assert.Equal($"agent-{id}-v1.yaml", download.SuggestedFilename);
        Assert.Equal(copied, await File.ReadAllTextAsync(await download.PathAsync()));
        session.AssertClean();
    }

    [Fact]
    public async Task A_long_history_comes_in_pages()
    {
        var id = await NewAgentAsync("long");
        var record = await ContentAsync(id);
        for (var n = 2; n <= 25; n++)
        {
            record["model"]!["max_tokens"] = 1000 + n;
            await server.SaveAsync("agent", id, record.ToJsonString(), $"step {n}");
        }

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}");
        await Expect(page.Locator("#timeline > li")).ToHaveCountAsync(20);
        await Expect(page.Locator("#history-heading")).ToHaveTextAsync("History (25 versions)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show older versions" }).ClickAsync();
        await Expect(page.Locator("#timeline > li")).ToHaveCountAsync(25);
        await Expect(page.Locator("#timeline > li[data-version='1']")).ToContainTextAsync("copied from quinn");
        await Expect(page.Locator("#older")).ToHaveCountAsync(0);
        session.AssertClean();
    }

    [Fact]
    public async Task The_overview_moves_a_head_when_the_feed_reports_a_version_and_says_when_the_feed_is_lost()
    {
        var id = await NewAgentAsync("live");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync("#/");
        await Expect(page.Locator("#connection")).ToContainTextAsync("Live");
        var row = page.Locator($"tr[data-entity='agent/{id}']");
        await Expect(row.Locator("td.head")).ToHaveTextAsync("v1");

        var record = await ContentAsync(id);
        record["model"]!["temperature"] = 0.55;
        await server.SaveAsync("agent", id, record.ToJsonString(), "live head");
        await Expect(row.Locator("td.head")).ToHaveTextAsync("v2");

        // The feed's stream refused from now on, as when the server stops: the page says so, and recovers.
        await page.RouteAsync("**/api/v1/changes**", async route =>
        {
            if (route.Request.Headers.TryGetValue("accept", out var accept) && accept.Contains("text/event-stream", StringComparison.Ordinal))
            {
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await session.GoAsync("#/time");
        await session.GoAsync("#/");
        await Expect(page.Locator("#connection")).ToContainTextAsync("Disconnected");
        await page.UnrouteAllAsync(new() { Behavior = UnrouteBehavior.IgnoreErrors });
        await Expect(page.Locator("#connection")).ToContainTextAsync("Live");
    }

    [Fact]
    public async Task A_reader_opening_an_edit_link_is_told_so_and_gets_no_save_or_propose()
    {
        await using var session = await PageSession.OpenAsync(server, server.ReaderToken);
        var page = session.Page;
        await session.GoAsync("#/e/agent/alice/edit");
        await Expect(page.Locator("#read-only")).ToContainTextAsync("may read agent entities but not change them");
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Save|Propose)") })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task An_invalid_edit_lists_each_problem_once()
    {
        var id = await NewAgentAsync("once");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(422);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}/edit");
        await page.GetByLabel("Temperature").FillAsync("9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#problems li")).ToHaveCountAsync(1);
        var text = await page.Locator("#problems").InnerTextAsync();
        Assert.Single(Regex.Matches(text, "/model/temperature"));
        session.AssertClean();
    }

    private async Task<int> HeadAsync(string id) =>
        (await server.GetJsonAsync($"/api/v1/entities/agent/{id}")).GetProperty("version").GetInt32();

    private async Task<JsonNode> ContentAsync(string id) =>
        JsonNode.Parse((await server.GetJsonAsync($"/api/v1/entities/agent/{id}")).GetProperty("content").GetRawText())!;

    // A new agent with quinn's record, so the test owns its history, policies and requests.
    private async Task<string> NewAgentAsync(string prefix)
    {
        var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
        var record = JsonNode.Parse((await server.GetJsonAsync("/api/v1/entities/agent/quinn")).GetProperty("content").GetRawText())!;
        record["id"] = id;
        await server.SaveAsync("agent", id, record.ToJsonString(), "copied from quinn");
        return id;
    }
}
