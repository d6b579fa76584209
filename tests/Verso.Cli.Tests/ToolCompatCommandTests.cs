using System.Text.Json;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary><c>verso compat</c> on MCP tools: each tool change with its path, direction and level, and a policy that refuses one.</summary>
public sealed class ToolCompatCommandTests : IDisposable
{
    private const string Input = """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city"]}""";

    private const string Output = """{"type":"object","properties":{"temp":{"type":"number"}},"required":["temp"]}""";

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task CompatListsEachToolChangeWithPathDirectionLevelAndAVerdict()
    {
        await _verso.InitializedAsync();
        await SaveAsync("tool", "weather", Tool(Input, Output));
        // units narrowed to "c" (input: breaking); temp widened to number or string (output: breaking); a new optional input (compatible).
        await SaveAsync("tool", "weather", Tool(
            Input.Replace("[\"c\",\"f\"]", "[\"c\"]", StringComparison.Ordinal).Replace("}},", "},\"lang\":{\"type\":\"string\"}},", StringComparison.Ordinal),
            Output.Replace("{\"type\":\"number\"}", "{\"type\":[\"number\",\"string\"]}", StringComparison.Ordinal)));

        var result = await _verso.RunAsync("--json", "compat", "tool/weather@1", "tool/weather@2");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("breaking", json.GetProperty("verdict").GetString());
        Assert.Equal(
        [
            "/inputSchema/properties/units/enum input breaking",
            "/inputSchema/properties/lang input compatible",
            "/outputSchema/properties/temp/type output breaking",
        ], json.GetProperty("tool_changes").EnumerateArray().Select(c => $"{Text(c, "path")} {Text(c, "direction")} {Text(c, "level")}"));
        Assert.All(json.GetProperty("tool_changes").EnumerateArray(), c => Assert.Equal("weather", Text(c, "tool")));

        var text = await _verso.RunAsync("compat", "tool/weather@1", "tool/weather@2");
        Assert.Contains("tool/weather@1 → tool/weather@2: breaking", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("  tool:      weather /inputSchema/properties/units/enum (input): breaking, removed \"f\"", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACompatibleToolChangeIsCompatibleNotBreaking()
    {
        await _verso.InitializedAsync();
        await SaveAsync("tool", "weather", Tool(Input, Output));
        await SaveAsync("tool", "weather", Tool(Input.Replace("[\"c\",\"f\"]", "[\"c\",\"f\",\"k\"]", StringComparison.Ordinal), Output));

        var json = (await _verso.RunAsync("--json", "compat", "tool/weather@1", "tool/weather@2")).Json();

        Assert.Equal("compatible", json.GetProperty("verdict").GetString());
        Assert.Equal("enum-widened", Text(Assert.Single(json.GetProperty("tool_changes").EnumerateArray()), "kind"));
    }

    [Fact]
    public async Task ProductionRefusesAnAgentWhoseToolVersionBreaksAndTheMessageNamesTheChange()
    {
        await _verso.InitializedAsync();
        await SaveAsync("tool", "weather", Tool(Input, Output));
        await SaveAsync("tool", "weather", Tool(Input.Replace("[\"city\"]", "[\"city\",\"units\"]", StringComparison.Ordinal), Output));
        await SaveAsync("policy", "tag.production", """{"breaking_tool_changes":"refuse"}""");
        await SaveAsync("agent", "alice", Agent("tool/weather@1"));
        await SaveAsync("agent", "alice", Agent("tool/weather@2"));
        Assert.Equal(0, (await _verso.RunAsync("tag", "agent/alice@1", "production", "--by", "ops")).ExitCode);

        var refused = await _verso.RunAsync("tag", "agent/alice@2", "production", "--by", "ops");

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("weather /inputSchema/required (input): breaking, 'units' is required now", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("breaking tool changes: refuse", (await _verso.RunAsync("policies")).Stdout, StringComparison.Ordinal);
    }

    private static string Tool(string input, string output) =>
        $$"""{"name":"weather","description":"Current weather","inputSchema":{{input}},"outputSchema":{{output}}}""";

    private static string Agent(string uses) =>
        """{"id":"alice","name":"Alice","role":"analyst","tools":{"uses":["USES"]}}""".Replace("USES", uses, StringComparison.Ordinal);

    private async Task SaveAsync(string kind, string id, string json)
    {
        var file = _verso.WriteFile($"{kind}-{id}.json", json);
        var saved = await _verso.RunAsync("save", kind, id, file, "--by", kind == "policy" ? "admin" : "ops");
        Assert.True(saved.ExitCode == 0, saved.ToString());
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
