using System.Net;
using System.Text.RegularExpressions;

namespace Verso.Server.Tests.Page;

/// <summary>How the real <c>verso serve</c> serves the page: hashed names cached for good, the page itself not.</summary>
[Collection(PageCollection.Name)]
public sealed partial class PageAssetTests(PageServerFixture server)
{
    [Fact]
    public async Task The_page_names_its_files_by_hash_and_they_are_cached_for_good_while_the_page_is_not()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var index = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Equal("no-cache", index.Headers.CacheControl?.ToString());
        var policy = string.Join(' ', index.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'sha256-", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        var html = await index.Content.ReadAsStringAsync();
        Assert.DoesNotContain("{{", html, StringComparison.Ordinal);

        var main = MainModule().Match(html);
        Assert.True(main.Success, "index.html names no hashed main.js: " + html);
        using var asset = await client.GetAsync(main.Value);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        Assert.StartsWith("text/javascript", asset.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        // Every module another one imports is in the import map, so none is fetched by its plain name.
        Assert.Contains("\"/assets/api.js\":\"/assets/api.", html, StringComparison.Ordinal);

        using var plain = await client.GetAsync("/assets/main.js");
        Assert.Equal(HttpStatusCode.NotFound, plain.StatusCode);
    }

    [GeneratedRegex(@"/assets/main\.[0-9a-f]{12}\.js")]
    private static partial Regex MainModule();
}
