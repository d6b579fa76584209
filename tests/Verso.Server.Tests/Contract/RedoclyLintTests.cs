namespace Verso.Server.Tests.Contract;

/// <summary>Redocly's linter (npm's <c>@redocly/cli</c>, recommended rules) passes on the document a real <c>verso serve</c> serves.</summary>
public sealed class RedoclyLintTests(ContractServer server) : IClassFixture<ContractServer>
{
    [Fact]
    public async Task TheServedDocumentPassesRedoclyLint()
    {
        var document = await server.SaveDocumentAsync();
        var (exitCode, output) = await server.NpxAsync("redocly", "lint", "--config", Path.Combine(server.ToolsDirectory, "redocly.yaml"), "--format", "stylish", document);
        Assert.True(exitCode == 0, $"redocly lint exited with {exitCode}:\n{output}");
    }
}
