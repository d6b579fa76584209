using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>
/// Review and promotion on the page: a request reviewed by someone other than its author, applied and
/// checked; a policed tag the head can or cannot carry; a stale request's conflicts. Each test works on
/// an agent of its own, copied from maya, and tokens of its own.
/// </summary>
[Collection(ReviewCollection.Name)]
public sealed class ReviewPageTests(PageServerFixture server)
{
    private const string OldRule = "- Approve releases once review and QA have both signed off. Never skip either.";
    private const string NewRule = "- Approve releases once review, QA and the evals have all signed off. Never skip any.";

    [Fact]
    public async Task Another_writer_approves_from_the_list_the_author_cannot_and_the_applied_version_shows_its_check()
    {
        var id = await NewAgentAsync("cr-flow");
        await server.SaveAsync("policy", $"entity.agent.{id}", """{"approvals":1,"direct_saves":false}""", "one reviewer");
        var (author, reviewer) = (Unique("wes"), Unique("rae"));
        var authorToken = await server.TokenAsync(author, "writer");
        var reviewerToken = await server.TokenAsync(reviewer, "writer");
        var cr = await ProposeAsync(authorToken, id, record => record["charter"] = record["charter"]!.GetValue<string>().Replace(OldRule, NewRule, StringComparison.Ordinal), "evals gate releases");

        await using (var session = await PageSession.OpenAsync(server, reviewerToken))
        {
            session.Expect(409);
            var page = session.Page;
            await session.GoAsync("#/");
            await page.Locator("#open-crs a").First.ClickAsync();
            await Expect(page.Locator("main h1")).ToHaveTextAsync("Change requests");
            var row = page.Locator($"#crs tr[data-cr='{cr}']");
            await Expect(row).ToContainTextAsync($"agent/{id}");
            await Expect(row).ToContainTextAsync(author);
            await session.AssertAccessibleAsync();
            await row.GetByRole(AriaRole.Link, new() { Name = cr, Exact = true }).ClickAsync();

            await Expect(page.Locator("main h1")).ToContainTextAsync($"{cr}: agent/{id}");
            await Expect(page.Locator("#cr-status")).ToHaveTextAsync("open");
            await Expect(page.Locator("li.change[data-path='/charter']")).ToBeVisibleAsync();
            // The rule's line is shown as edited, the words the proposal adds marked.
            await Expect(page.Locator(".sbs tr.changed td.old")).ToContainTextAsync("have both signed off");
            await Expect(page.Locator(".sbs tr.changed td.new ins", new() { HasTextString = "evals" })).ToBeVisibleAsync();
            await session.AssertAccessibleAsync();
            await session.ScreenshotAsync("review");

            // Applying before anyone approved is refused by the entity's policy, and the page says so in its words.
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.Locator("#review-problem")).ToContainTextAsync($"refused by policy/entity.agent.{id}@1 (approvals)");
            await Expect(page.Locator("#cr-status")).ToHaveTextAsync("open");

            await page.GetByLabel("Comment").FillAsync("<b>fine</b> by me");
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await Expect(page.Locator("#cr-status")).ToHaveTextAsync("approved");
            var approval = page.Locator("#reviews li.approve");
            await Expect(approval).ToContainTextAsync($"{reviewer} approved");
            // What a reviewer writes is text on the page, never markup.
            await Expect(approval.Locator(".message")).ToHaveTextAsync("<b>fine</b> by me");
            await Expect(page.Locator("#cr-history li")).ToHaveCountAsync(2);
            session.AssertClean();
        }

        await using (var session = await PageSession.OpenAsync(server, authorToken))
        {
            var page = session.Page;
            await session.GoAsync($"#/cr/{cr}");
            await Expect(page.Locator("#review-form h2")).ToHaveTextAsync("Your request");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
            await Expect(page.Locator("#cr-status")).ToHaveTextAsync("applied");

            var applied = (await server.GetJsonAsync($"/api/v1/entities/agent/{id}")).GetProperty("version").GetInt32();
            Assert.Equal(2, applied);
            var ci = Unique("ci");
            await server.SendAsync(HttpMethod.Post, $"/api/v1/entities/agent/{id}/versions/{applied}/checks",
                """{"name":"evals","result":"pass","url":"https://ci.example/runs/7"}""", await server.TokenAsync(ci, "writer"));
            await page.Locator("main p.meta").GetByRole(AriaRole.Link, new() { Name = $"v{applied}" }).ClickAsync();
            var entry = page.Locator($"#timeline li[data-version='{applied}']");
            await Expect(entry).ToContainTextAsync($"apply {cr}, approved by {reviewer}");
            var badge = entry.Locator(".check.pass");
            await Expect(badge).ToContainTextAsync("evals: pass");
            await Expect(badge).ToHaveAttributeAsync("href", "https://ci.example/runs/7");
            await Expect(page.Locator("#version-checks .check.pass")).ToContainTextAsync($"evals: pass · {ci}");
            await Expect(page.Locator($"#timeline li[data-version='1'] .check")).ToHaveCountAsync(0);
            await session.AssertAccessibleAsync();
            session.AssertClean();
        }
    }

    [Fact]
    public async Task The_entity_shows_the_production_policy_and_becomes_promotable_after_a_passing_check()
    {
        var id = await NewAgentAsync("promo");
        await server.SaveAsync("policy", "tag.production", """{"required_checks":["evals"],"on_fail":"rollback-tag"}""", "evals before production");
        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(409);
        var page = session.Page;
        await session.GoAsync($"#/e/agent/{id}");
        var policy = page.Locator("#policies li[data-tag-policy=production]");
        await Expect(policy).ToContainTextAsync("v1 could not be promoted: needs evals: pass (evals has no result)");
        await Expect(policy).ToContainTextAsync($"record a passing evals check on agent/{id}@1");
        await Expect(page.Locator("#version-checks")).ToContainTextAsync("none recorded");
        await session.AssertAccessibleAsync();

        // The page offers the move anyway; the server refuses it and the dialog says which rule and why.
        await page.GetByRole(AriaRole.Button, new() { Name = "tag v1" }).ClickAsync();
        var dialog = page.Locator("dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move tag" }).ClickAsync();
        await Expect(dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("(required_checks): production needs evals: pass");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await server.SendAsync(HttpMethod.Post, $"/api/v1/entities/agent/{id}/versions/1/checks", """{"name":"evals","result":"pass"}""");
        await session.GoAsync($"#/e/agent/{id}?checked");
        await Expect(policy).ToContainTextAsync("v1 could be promoted to production now.");
        await Expect(page.Locator("#version-checks .check.pass")).ToContainTextAsync("evals: pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "tag v1" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Move tag" }).ClickAsync();
        await Expect(page.Locator("li[data-tag=production]")).ToContainTextAsync("production → v1");
        session.AssertClean();
    }

    [Fact]
    public async Task Applying_after_a_conflicting_save_marks_the_request_stale_and_lists_the_conflicts()
    {
        var id = await NewAgentAsync("stale");
        var authorToken = await server.TokenAsync(Unique("wes"), "writer");
        string cr;
        await using (var author = await PageSession.OpenAsync(server, authorToken))
        {
            // The author proposes from the editor: nothing is saved, the request opens.
            await author.GoAsync($"#/e/agent/{id}/edit");
            await author.Page.GetByLabel("Temperature").FillAsync("0.1");
            await author.Page.GetByLabel("Message").FillAsync("cooler");
            await author.Page.GetByRole(AriaRole.Button, new() { Name = "Propose for review" }).ClickAsync();
            await Expect(author.Page.Locator("#cr-status")).ToHaveTextAsync("open");
            cr = Regex.Match(author.Page.Url, "#/cr/(cr-[0-9]+)$").Groups[1].Value;
            await Expect(author.Page.Locator("li.change[data-path='/model/temperature']")).ToContainTextAsync("0.4 → 0.1");
            author.AssertClean();
        }

        var head = await server.GetJsonAsync($"/api/v1/entities/agent/{id}");
        var warmer = JsonNode.Parse(head.GetProperty("content").GetRawText())!;
        warmer["model"]!["temperature"] = 0.9;
        await server.SaveAsync("agent", id, warmer.ToJsonString(), "warmer meanwhile");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        session.Expect(409);
        var page = session.Page;
        await session.GoAsync($"#/cr/{cr}");
        // The head moved: the proposal is shown against the head too.
        await Expect(page.Locator("#head-heading")).ToContainTextAsync("against the current head v2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Expect(page.Locator("#cr-status")).ToHaveTextAsync("stale");
        await Expect(page.Locator("#notice")).ToContainTextAsync("/model/temperature");
        await Expect(page.Locator("#conflicts li")).ToHaveTextAsync("/model/temperature");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("review-stale");
        Assert.Equal(2, (await server.GetJsonAsync($"/api/v1/entities/agent/{id}")).GetProperty("version").GetInt32());
        session.AssertClean();
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..6]}";

    // A new agent with maya's record, so each test owns its history, policies and requests.
    private async Task<string> NewAgentAsync(string prefix)
    {
        var id = Unique(prefix);
        var record = JsonNode.Parse((await server.GetJsonAsync("/api/v1/entities/agent/maya")).GetProperty("content").GetRawText())!;
        record["id"] = id;
        await server.SaveAsync("agent", id, record.ToJsonString(), "copied from maya");
        return id;
    }

    private async Task<string> ProposeAsync(string token, string id, Action<JsonNode> change, string message)
    {
        var record = JsonNode.Parse((await server.GetJsonAsync($"/api/v1/entities/agent/{id}")).GetProperty("content").GetRawText())!;
        change(record);
        var body = new JsonObject { ["kind"] = "agent", ["id"] = id, ["record"] = record, ["message"] = message };
        var proposed = await server.SendAsync(HttpMethod.Post, "/api/v1/change-requests", body.ToJsonString(), token);
        return proposed.GetProperty("id").GetString()!;
    }
}
