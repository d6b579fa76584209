using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Verso.Server.Tests.Page;

/// <summary>
/// Issue 28, case 13: with no tokens in the store the header said "Signed in as local (admin)" beside "Sign in".
/// It says local access, offers no sign-in, and the local admin's write actions are there.
/// </summary>
[Collection(LocalPageCollection.Name)]
public sealed class LocalAccessPageTests(LocalPageServerFixture server)
{
    [Fact]
    public async Task Without_tokens_the_header_says_local_access_and_offers_no_sign_in()
    {
        await using var session = await PageSession.OpenAsync(server, token: null);
        var page = session.Page;
        await session.GoAsync("#/");
        var who = page.Locator("#who");
        await Expect(who).ToHaveTextAsync("Local access (no tokens)");
        await Expect(who).Not.ToContainTextAsync("Signed in");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await session.AssertAccessibleAsync();

        // Local access is the admin's: the write actions are offered, not a sign-in form.
        await session.GoAsync("#/e/agent/alice");
        await Expect(page.Locator("main h1")).ToContainTextAsync("agent/alice");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#who")).ToHaveTextAsync("Local access (no tokens)");
        session.AssertClean();
    }
}
