using System.Text.Json;
using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Naming;
using Verso.Versioning;
using static Verso.Agents.Tests.Tools.ToolRecords;

namespace Verso.Agents.Tests.Tools;

public sealed class ToolKindTests
{
    [Fact]
    public async Task AnMcpToolSavesAsAToolRecordNamedByItsNameAndReadsBackTyped()
    {
        var service = Service();
        var saved = await service.SaveAsync(EntityKey.Create("tool", "weather"), Utf8(Tool()), new SaveOptions("ops"));

        Assert.Equal("tool/weather@1", saved.Head.Ref.ToString());
        var tool = JsonSerializer.Deserialize(saved.Head.Content.Span, AgentKinds.Tool.SerializerOptions.GetTypeInfo(typeof(Verso.Agents.Tools.McpTool)));
        var typed = Assert.IsType<Verso.Agents.Tools.McpTool>(tool);
        Assert.Equal("weather", typed.Name);
        Assert.Equal("object", typed.InputSchema.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Object, typed.OutputSchema?.ValueKind);
    }

    [Fact]
    public void AToolWhoseArgumentsAreNotAnObjectIsRefusedAtItsPath()
    {
        var problems = AgentKinds.Tool.Validator!.Validate(JsonDocument.Parse(Tool(input: """{"type":"string"}""")).RootElement);

        Assert.Equal("/inputSchema/type", Assert.Single(problems).Path);
    }

    [Fact]
    public void AnAgentDeclaresInlineToolsAndToolVersionsItUses()
    {
        var agent = Agent("""{"allowed":["weather"],"definitions":[TOOL],"uses":["tool/search@2"]}""".Replace("TOOL", Tool(), StringComparison.Ordinal));

        Assert.Empty(AgentKinds.Agent.Validator!.Validate(JsonDocument.Parse(agent).RootElement));
    }

    [Theory]
    [InlineData("""{"uses":["tool/search"]}""", "/tools/uses/0")]
    [InlineData("""{"uses":["agent/bob@1"]}""", "/tools/uses/0")]
    [InlineData("""{"definitions":[{"name":"a","inputSchema":{"type":"object"}},{"name":"a","inputSchema":{"type":"object"}}]}""", "/tools/definitions/1/name")]
    [InlineData("""{"definitions":[{"name":"a","inputSchema":{"type":"array"}}]}""", "/tools/definitions/0/inputSchema/type")]
    public void ABadToolDeclarationIsRefusedAtItsPath(string tools, string path)
    {
        var problems = AgentKinds.Agent.Validator!.Validate(JsonDocument.Parse(Agent(tools)).RootElement);

        Assert.Contains(problems, p => p.Path == path);
    }

    [Fact]
    public async Task AToolPolicyReferencingAToolVersionSaves()
    {
        var service = Service();
        var policy = """{"id":"tools","name":"Tools","access_levels":[{"level":"standard","allowed":["weather"]}],"uses":["tool/weather@1"]}""";

        var saved = await service.SaveAsync(EntityKey.Create("tool-policy", "tools"), Utf8(policy), new SaveOptions("ops"));

        Assert.Equal(1, saved.Head.Version);
        await Assert.ThrowsAsync<InvalidRecordException>(() => service.SaveAsync(
            EntityKey.Create("tool-policy", "tools"), Utf8(policy.Replace("@1", "@latest", StringComparison.Ordinal)), new SaveOptions("ops")));
    }
}
