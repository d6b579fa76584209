using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Versioning.Replay;
using Verso.Documents.Schemas;
using Verso.Versioning.Tools;
using Verso.Versioning;
using static Verso.Agents.Tests.Tools.ToolRecords;

namespace Verso.Agents.Tests.Tools;

public sealed class ToolCompatibilityTests
{
    private readonly VersioningService _service = Service();

    [Fact]
    public async Task TwoToolVersionsListEachChangeWithPathDirectionAndLevel()
    {
        // units loses "f" (input: senders of "f" fail), sky gains "snow" (output: readers meet a value they do not know).
        var verdict = await CompareAsync("tool", "weather",
            Tool(),
            Tool(Input.Replace("[\"c\",\"f\"]", "[\"c\"]", StringComparison.Ordinal), Output.Replace("[\"sun\",\"rain\"]", "[\"sun\",\"rain\",\"snow\"]", StringComparison.Ordinal), "Weather now"));

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal(
        [
            "/inputSchema/properties/units/enum Input enum-narrowed Breaking",
            "/outputSchema/properties/sky/enum Output enum-widened Breaking",
            "/description  description-changed Compatible",
        ], verdict.ToolChanges.Select(c => $"{c.Path} {c.Direction} {c.Kind} {c.Level}"));
        Assert.All(verdict.ToolChanges, c => Assert.Equal("weather", c.Tool));
        Assert.Empty(verdict.Differences);
    }

    [Fact]
    public async Task ADirectionSafeToolChangeIsCompatibleWhereAnyChangeUnderToolsUsedToBeBreaking()
    {
        // A new enum value in the input and a narrower output: safe both ways.
        var verdict = await CompareAsync("agent", "alice",
            Agent(Inline()),
            Agent(Inline(Input.Replace("[\"c\",\"f\"]", "[\"c\",\"f\",\"k\"]", StringComparison.Ordinal), Output.Replace("[\"temp\"]", "[\"temp\",\"sky\"]", StringComparison.Ordinal))));

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
        Assert.Equal(
            ["/inputSchema/properties/units/enum enum-widened Compatible", "/outputSchema/required required-added Compatible"],
            verdict.ToolChanges.Select(c => $"{c.Path} {c.Kind} {c.Level}"));
        Assert.All(verdict.ToolChanges, c => Assert.Equal("/tools/definitions/0", c.Source));
    }

    [Fact]
    public async Task AnAgentUsingANewerToolVersionIsJudgedByThatTool()
    {
        var tool = EntityKey.Create("tool", "weather");
        await _service.SaveAsync(tool, Utf8(Tool()), new SaveOptions("ops"));
        await _service.SaveAsync(tool, Utf8(Tool(Input.Replace("\"required\":[\"city\"]", "\"required\":[\"city\",\"units\"]", StringComparison.Ordinal))), new SaveOptions("ops"));

        var verdict = await CompareAsync("agent", "alice", Agent("""{"uses":["tool/weather@1"]}"""), Agent("""{"uses":["tool/weather@2"]}"""));

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        var change = Assert.Single(verdict.ToolChanges);
        Assert.Equal(("weather", "tool/weather@2", "/inputSchema/required", SchemaDirection.Input, SchemaChangeLevel.Breaking), (change.Tool, change.Source, change.Path, change.Direction!.Value, change.Level));
    }

    [Fact]
    public async Task ARemovedToolBreaksAndAnAddedOneDoesNot()
    {
        var other = Tool().Replace("\"weather\"", "\"forecast\"", StringComparison.Ordinal);
        var verdict = await CompareAsync("agent", "alice", Agent(Inline()), Agent($$"""{"definitions":[{{other}}]}"""));

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal(["forecast tool-added Compatible", "weather tool-removed Breaking"], verdict.ToolChanges.Select(c => $"{c.Tool} {c.Kind} {c.Level}"));
    }

    [Fact]
    public async Task AChangeThatCannotBeDecidedMakesTheVerdictAWarning()
    {
        var verdict = await CompareAsync("tool", "weather",
            Tool(Input.Replace("{\"type\":\"string\"}", "{\"type\":\"string\",\"pattern\":\"^[A-Z]\"}", StringComparison.Ordinal)),
            Tool(Input.Replace("{\"type\":\"string\"}", "{\"type\":\"string\",\"pattern\":\"^[A-Za-z]\"}", StringComparison.Ordinal)));

        Assert.Equal(CompatibilityLevel.Warning, verdict.Verdict);
        Assert.Equal("pattern-changed", Assert.Single(verdict.ToolChanges).Kind);
    }

    [Fact]
    public async Task OtherBehaviourChangesStillBreakBesideCompatibleToolChanges()
    {
        var verdict = await CompareAsync("agent", "alice",
            Agent(Inline()), Agent(Inline()).Replace("Report the weather.", "Report the weather twice.", StringComparison.Ordinal));

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal("/charter", Assert.Single(verdict.Differences).Path);
        Assert.Empty(verdict.ToolChanges);
    }

    private Task<ReplayVerdict> CompareAsync(string kind, string id, string left, string right) =>
        ToolCompatibility.CompareAsync(
            _service.Kinds.Resolve(kind), JsonLimits.ParseNode(Utf8(left)), JsonLimits.ParseNode(Utf8(right)), ToolCompatibility.Reading(_service));
}
