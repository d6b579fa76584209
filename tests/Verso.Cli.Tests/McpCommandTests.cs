using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary><c>verso mcp</c>'s bad input; its sessions run with real MCP clients in Verso.Server.Tests/Mcp.</summary>
public sealed class McpCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ATokenTheStoreDoesNotKnowIsBadInputNamingNoSecret()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("mcp", "--token", "vt1.nobody.s3cr3t");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the token is not valid for this store: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody.s3", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task ARevokedTokenFromTheEnvironmentIsRefused()
    {
        await _verso.InitializedAsync();
        var token = (await _verso.RunAsync("token", "add", "agent", "--role", "writer", "--kind", "decision", "--by", "ops")).Stdout.Trim();
        await _verso.RunAsync("token", "revoke", "agent", "--by", "ops");

        var result = await _verso.WithEnvironment("VERSO_TOKEN", token).RunAsync("mcp");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("token 'agent' was revoked", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatIsNotAnHttpUrlIsBadInput()
    {
        var result = await _verso.RunAsync("mcp", "--server", "ftp://127.0.0.1:21");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid --server 'ftp://127.0.0.1:21'", result.Stderr, StringComparison.Ordinal);
    }
}
