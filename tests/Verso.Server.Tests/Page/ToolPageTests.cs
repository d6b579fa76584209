using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>The replay verdict of two tool versions on the page: each tool change on its own row, with its level.</summary>
[Collection(PageCollection.Name)]
public sealed class ToolPageTests(PageServerFixture server)
{
    [Fact]
    public async Task Compare_of_two_tool_versions_lists_each_tool_change_with_path_direction_and_level()
    {
        const string Input = """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city"]}""";
        await server.SaveAsync("tool", "weather", $$"""{"name":"weather","description":"Current weather","inputSchema":{{Input}}}""", "first tool");
        // units loses "f": a caller sending it fails. The description is for people only.
        var narrowed = Input.Replace("[\"c\",\"f\"]", "[\"c\"]", StringComparison.Ordinal);
        var version = await server.SaveAsync("tool", "weather", $$"""{"name":"weather","description":"Weather now","inputSchema":{{narrowed}}}""", "celsius only");

        await using var session = await PageSession.OpenAsync(server, server.AdminToken);
        var page = session.Page;
        await session.GoAsync($"#/e/tool/weather/compare/{version - 1}/{version}");

        await Expect(page.Locator("#verdict strong")).ToHaveTextAsync("Replay: breaking");
        var rows = page.Locator("#tool-changes tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToHaveClassAsync("level-breaking");
        await Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["weather", "/inputSchema/properties/units/enum", "input", "breaking", "enum-narrowed: removed \"f\""]);
        await Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["weather", "/description", "tool", "compatible", "description-changed: description changed"]);
        await session.AssertAccessibleAsync();
        await session.ScreenshotAsync("compare-tool");
        session.AssertClean();
    }
}
