using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

public sealed class ToolCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task CanonWritesTheCanonicalBytesAndNothingElse()
    {
        _verso.WriteFile("a.json", "{\n  \"b\": 1E2,\n  \"a\": \"\\u00e9\\n\"\n}\n");

        var result = await _verso.RunAsync("canon", "a.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"a\":\"é\\n\",\"b\":100}"u8.ToArray(), result.StdoutBytes);
    }

    [Fact]
    public async Task CanonReadsStandardInput()
    {
        var result = await _verso.RunWithInputAsync("[3, -0, 1e21]"u8.ToArray(), "canon", "-");

        Assert.Equal("[3,0,1e+21]", result.Stdout);
    }

    [Fact]
    public async Task HashPrintsTheSha256OfTheCanonicalBytes()
    {
        _verso.WriteFile("a.json", """{ "b": 2, "a": 1 }""");
        var expected = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("""{"a":1,"b":2}"""u8));

        var result = await _verso.RunAsync("hash", "a.json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stdout);
    }

    [Fact]
    public async Task CanonAndHashNeedNoStore()
    {
        _verso.WriteFile("a.json", "{}");

        Assert.Equal(0, (await _verso.RunAsync("hash", "a.json")).ExitCode);
        Assert.False(File.Exists(_verso.PathOf("verso.db")));
    }

    [Theory]
    [InlineData("canon")]
    [InlineData("hash")]
    public async Task InvalidJsonExitsTwo(string command)
    {
        _verso.WriteFile("bad.json", """{"a":NaN}""");

        var result = await _verso.RunAsync(command, "bad.json");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("verso: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitCreatesTheStoreAndIsSafeToRepeat()
    {
        var created = await _verso.RunAsync("init");
        var again = await _verso.RunAsync("--json", "init");

        Assert.Equal(0, created.ExitCode);
        Assert.StartsWith("created ", created.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(_verso.PathOf("verso.db")));
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(again.Json().GetProperty("schema").GetInt32(), again.Json().GetProperty("from_schema").GetInt32());
        Assert.True(again.Json().GetProperty("schema").GetInt32() >= 2);
    }

    [Fact]
    public async Task TheStoreComesFromTheOptionThenTheEnvironmentThenTheDefault()
    {
        _verso.WithEnvironment("VERSO_STORE", "from-env.db");
        await _verso.RunAsync("init");
        await _verso.RunAsync("--store", "from-option.db", "init");

        Assert.True(File.Exists(_verso.PathOf("from-env.db")));
        Assert.True(File.Exists(_verso.PathOf("from-option.db")));
        Assert.False(File.Exists(_verso.PathOf("verso.db")));
    }

    [Fact]
    public async Task AnUnknownCommandExitsTwo()
    {
        var result = await _verso.RunAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("frobnicate", result.Stderr, StringComparison.Ordinal);
    }
}
