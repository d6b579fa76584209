using System.Net;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>Case 7 of the security review on a real <c>verso serve</c>: what its console log says of bad tokens.</summary>
public sealed class ServeLogTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ATokenThatDoesNotParseIsLoggedByAShortPrefixAndTheSecretNever()
    {
        await _verso.InitializedAsync();
        var token = (await _verso.RunAsync("token", "add", "rd", "--role", "reader", "--by", "ops")).Stdout.Trim();
        var secret = token["vt1.rd.".Length..];
        var server = await ServeProcess.StartAsync(_verso.PathOf("verso.db"), _verso.Directory.Path);
        await using (server)
        {
            foreach (var bad in new[] { token + ".", token + "x", secret, $"{token}.{secret}" })
            {
                using var client = server.Client(bad);
                Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/kinds")).StatusCode);
            }

            using var good = server.Client(token);
            Assert.Equal(HttpStatusCode.OK, (await good.GetAsync("/api/v1/kinds")).StatusCode);
        }

        var lines = server.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("malformed token 'vt1.rd.'", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(secret[..8], StringComparison.Ordinal));
    }
}
