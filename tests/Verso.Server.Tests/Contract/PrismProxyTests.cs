using System.Text;

namespace Verso.Server.Tests.Contract;

/// <summary>
/// A client nobody here wrote (openapi-client-axios, building its operations from the served document)
/// saves, reads, diffs, rolls back and reads the change feed through Prism's validating proxy
/// (<c>prism proxy --errors</c>), which fails any request or response the document does not describe.
/// </summary>
public sealed class PrismProxyTests(ContractServer server) : IClassFixture<ContractServer>
{
    [Fact]
    public async Task TheScriptedClientPassesThroughPrismWithoutAViolation()
    {
        var document = await server.SaveDocumentAsync();
        var prismUrl = $"http://127.0.0.1:{ContractServer.FreePort()}";
        var prismLog = new StringBuilder();
        using var prism = server.StartNpx(prismLog, "prism", "proxy", "--errors", "--host", "127.0.0.1", "--port", new Uri(prismUrl).Port.ToString(), document, server.BaseUrl);
        try
        {
            await WaitUntilListeningAsync(prism, prismLog);
            var (exitCode, output) = await ContractServer.RunAsync(
                "node", server.ToolsDirectory, ["client.mjs", server.BaseUrl + "/openapi/v1.json", prismUrl, server.AdminToken]);
            var log = Text(prismLog);
            Assert.True(exitCode == 0, $"the client exited with {exitCode}:\n{output}\nprism:\n{log}\nserver:\n{server.ServerLog}");
            Assert.Contains("ok change feed as JSON", output, StringComparison.Ordinal);
            // With --errors Prism answers a violation itself (type …#VIOLATIONS) and logs it as an error.
            Assert.False(log.Contains("VIOLATIONS", StringComparison.Ordinal) || log.Contains("✖", StringComparison.Ordinal), $"prism reported a violation:\n{log}");
        }
        finally
        {
            if (!prism.HasExited)
            {
                prism.Kill(entireProcessTree: true);
                await prism.WaitForExitAsync();
            }
        }
    }

    private static async Task WaitUntilListeningAsync(System.Diagnostics.Process prism, StringBuilder log)
    {
        // Waiting for Prism to read the document and listen, not measuring it: the bound only fails a broken run.
        for (var attempt = 0; attempt < 600 && !Text(log).Contains("Prism is listening", StringComparison.Ordinal); attempt++)
        {
            Assert.False(prism.HasExited, $"prism exited with {(prism.HasExited ? prism.ExitCode : 0)}: {Text(log)}");
            await Task.Delay(100);
        }

        Assert.Contains("Prism is listening", Text(log), StringComparison.Ordinal);
    }

    private static string Text(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }
}
