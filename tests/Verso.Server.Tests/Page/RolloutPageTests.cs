using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>The rollout panel of an entity: variants, weights, steps, decisions per variant, and advance / abort / promote.</summary>
[Collection(PageCollection.Name)]
public sealed class RolloutPageTests(PageServerFixture server)
{
    [Fact]
    public async Task The_rollout_panel_shows_the_variants_and_advances_then_promotes_for_a_writer()
    {
        var id = $"rollout-{Guid.NewGuid():N}"[..20];
        await server.SaveAsync("doc", id, """{"text":"be brief"}""", "first");
        await server.SaveAsync("doc", id, """{"text":"be brief and kind"}""", "kinder");
        var path = $"/api/v1/entities/doc/{id}";
        await server.SendAsync(HttpMethod.Put, $"{path}/tags/production", """{"version":1}""");
        await server.SendAsync(HttpMethod.Post, $"{path}/rollouts/production", """{"candidate":2,"weight":500,"steps":[500,2500,10000],"reason":"canary"}""");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/doc/{id}");
        var panel = page.Locator("#rollouts [data-rollout=production]");
        await Expect(panel.Locator("h3")).ToContainTextAsync("production active");
        await Expect(panel.Locator("tr[data-variant='1'] td").First).ToHaveTextAsync("95%");
        await Expect(panel.Locator("tr[data-variant='2'] td").First).ToHaveTextAsync("5%");
        await Expect(panel.Locator(".steps li.taken")).ToHaveCountAsync(1);
        await Expect(panel).ToContainTextAsync("“canary”");
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("rollout");

        await panel.GetByRole(AriaRole.Button, new() { Name = "Advance to 25%" }).ClickAsync();
        await Expect(page.Locator("#rollouts [data-rollout=production] tr[data-variant='2'] td").First).ToHaveTextAsync("25%");
        Assert.Equal(2_500, (await server.GetJsonAsync($"{path}/rollouts/production")).GetProperty("candidates")[0].GetProperty("weight").GetInt32());

        await page.Locator("#rollouts [data-rollout=production]").GetByRole(AriaRole.Button, new() { Name = "Promote v2" }).ClickAsync();
        await Expect(page.Locator("#rollouts [data-rollout=production] h3")).ToContainTextAsync("production promoted");
        Assert.Equal(2, (await server.GetJsonAsync($"{path}/tags")).GetProperty("production").GetInt32());
        session.AssertClean();
    }

    [Fact]
    public async Task Abort_asks_why_and_returns_every_subject_to_the_control()
    {
        var id = $"rollout-{Guid.NewGuid():N}"[..20];
        await server.SaveAsync("doc", id, """{"text":"one"}""", "first");
        await server.SaveAsync("doc", id, """{"text":"two"}""", "second");
        var path = $"/api/v1/entities/doc/{id}";
        await server.SendAsync(HttpMethod.Put, $"{path}/tags/production", """{"version":1}""");
        await server.SendAsync(HttpMethod.Post, $"{path}/rollouts/production", """{"candidate":2,"weight":10000}""");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/doc/{id}");
        var panel = page.Locator("#rollouts [data-rollout=production]");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Abort: everyone back to the control" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Say why you abort.");
        await panel.GetByLabel("Why abort").FillAsync("answers got longer");
        await panel.GetByRole(AriaRole.Button, new() { Name = "Abort: everyone back to the control" }).ClickAsync();

        await Expect(page.Locator("#rollouts [data-rollout=production] h3")).ToContainTextAsync("production aborted");
        await Expect(page.Locator("#rollouts [data-rollout=production]")).ToContainTextAsync("“answers got longer”");
        var resolved = await server.GetJsonAsync($"{path}/resolve?label=production&subject=anyone");
        Assert.Equal(1, resolved.GetProperty("version").GetInt32());
        session.AssertClean();
    }
}
