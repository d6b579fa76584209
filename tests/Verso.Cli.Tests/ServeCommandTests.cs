using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Theory]
    [InlineData("http://0.0.0.0:5999")]
    [InlineData("http://*:5999")]
    [InlineData("http://127.0.0.1:5999;http://192.0.2.1:5999")]
    public async Task ANonLoopbackAddressWithoutTokensIsRefused(string urls)
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("serve", "--urls", urls);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("without tokens", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--insecure", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddressBoundByConfigurationIsCheckedAfterStartAndRefusedWithoutTokens()
    {
        await _verso.InitializedAsync();
        // --urls stays loopback; the working directory's appsettings.json binds every interface instead.
        _verso.WriteFile("appsettings.json", """{"Kestrel":{"Endpoints":{"everywhere":{"Url":"http://0.0.0.0:0"}}}}""");

        var result = await _verso.RunAsync("serve");

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("refusing", StringComparison.Ordinal));
        Assert.Contains("http://0.0.0.0:", line, StringComparison.Ordinal);
        Assert.Contains("--insecure", line, StringComparison.Ordinal);
        Assert.DoesNotContain("loopback only", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadUrlIsBadInput()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("serve", "--urls", "ftp://127.0.0.1:21");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid --urls entry 'ftp://127.0.0.1:21'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokensAreMadeOnceListedWithoutSecretsAndRevoked()
    {
        await _verso.InitializedAsync();

        var made = await _verso.RunAsync("token", "add", "runtime", "--role", "writer", "--kind", "decision", "--by", "ops");
        var again = await _verso.RunAsync("token", "add", "runtime", "--role", "reader");
        var list = await _verso.RunAsync("--json", "token", "list");
        var revoked = await _verso.RunAsync("token", "revoke", "runtime", "--by", "ops");
        var after = await _verso.RunAsync("--json", "token", "list");

        Assert.Equal(0, made.ExitCode);
        var token = made.Stdout.Trim();
        Assert.StartsWith("vt1.runtime.", token, StringComparison.Ordinal);
        Assert.Equal(3, again.ExitCode);
        var entry = Assert.Single(list.Json().EnumerateArray());
        Assert.Equal("writer", entry.GetProperty("role").GetString());
        Assert.Equal("decision", Assert.Single(entry.GetProperty("kinds").EnumerateArray()).GetString());
        Assert.Equal("ops", entry.GetProperty("changed_by").GetString());
        Assert.DoesNotContain(token[12..], list.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, revoked.ExitCode);
        Assert.True(Assert.Single(after.Json().EnumerateArray()).GetProperty("revoked").GetBoolean());
    }

    [Fact]
    public async Task TokensStayOutOfTheManifest()
    {
        await _verso.InitializedAsync();
        var before = (await _verso.RunAsync("--json", "manifest")).Json().GetProperty("root").GetString();

        await _verso.RunAsync("token", "add", "ops", "--role", "admin");
        var after = (await _verso.RunAsync("--json", "manifest")).Json();

        Assert.Equal(before, after.GetProperty("root").GetString());
        Assert.Empty(after.GetProperty("entries").EnumerateArray());
    }
}
