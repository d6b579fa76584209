using System.Text.Json.Nodes;
using Verso.Documents.Schemas;

namespace Verso.Core.Tests.Schemas;

public sealed class SchemaComparisonTests
{
    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryCorpusCaseGetsItsLevelInBothDirections(string name, string before, string after, string path, string kind, char input, char output)
    {
        var (old, @new) = (JsonNode.Parse(before), JsonNode.Parse(after));
        foreach (var (direction, expected) in new[] { (SchemaDirection.Input, input), (SchemaDirection.Output, output) })
        {
            var change = Assert.Single(SchemaComparison.Compare(old, @new, direction));
            Assert.True(change.Path == path && change.Kind == kind, $"{name}: expected {kind} at {path}, got {change.Kind} at {change.Path}");
            Assert.True(Level(expected) == change.Level, $"{name} ({direction}): expected {Level(expected)}, got {change.Level}: {change.Message}");
            Assert.Equal(direction, change.Direction);
        }
    }

    public static TheoryData<string, string, string, string, string, char, char> Cases => SchemaCorpus.Cases;

    [Fact]
    public void ARecursiveSchemaComparedWithItselfEndsWithNoChange()
    {
        var tree = JsonNode.Parse(SchemaCorpus.Tree("string"));
        Assert.Empty(SchemaComparison.Compare(tree, JsonNode.Parse(SchemaCorpus.Tree("string")), SchemaDirection.Input));
    }

    [Fact]
    public void ReorderedMembersAndEnumValuesAreNoChange()
    {
        var before = JsonNode.Parse("""{"type":"object","properties":{"a":{"enum":["x","y"]},"b":{"type":"integer"}},"required":["a","b"]}""");
        var after = JsonNode.Parse("""{"required":["b","a"],"properties":{"b":{"type":"integer"},"a":{"enum":["y","x"]}},"type":"object"}""");
        Assert.Empty(SchemaComparison.Compare(before, after, SchemaDirection.Output));
    }

    [Fact]
    public void ASharedDefinitionReachedTwiceThroughTheSameRefIsReportedOnce()
    {
        const string Shape = """{"$defs":{"id":{"type":"TYPE"}},"properties":{"a":{"$ref":"#/$defs/id"},"b":{"$ref":"#/$defs/id"}}}""";
        var changes = SchemaComparison.Compare(
            JsonNode.Parse(Shape.Replace("TYPE", "string", StringComparison.Ordinal)), JsonNode.Parse(Shape.Replace("TYPE", "integer", StringComparison.Ordinal)), SchemaDirection.Input);
        Assert.Equal("/properties/a/$ref/type", Assert.Single(changes).Path);
    }

    [Fact]
    public void AKeywordBesideARefIsComparedToo()
    {
        const string Shape = """{"$defs":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/$defs/s","maxLength":MAX}}}""";
        var changes = SchemaComparison.Compare(
            JsonNode.Parse(Shape.Replace("MAX", "10", StringComparison.Ordinal)), JsonNode.Parse(Shape.Replace("MAX", "5", StringComparison.Ordinal)), SchemaDirection.Input);
        Assert.Equal("/properties/a/maxLength bound-tightened Breaking", Assert.Single(changes.Select(c => $"{c.Path} {c.Kind} {c.Level}")));
    }

    [Fact]
    public void AnUnresolvableRefIsAWarningNotSilence()
    {
        var changes = SchemaComparison.Compare(
            JsonNode.Parse("""{"$ref":"#/$defs/missing"}"""), JsonNode.Parse("""{"$ref":"#/$defs/missing","title":"x"}"""), SchemaDirection.Output);
        Assert.Contains(changes, c => c.Kind == "ref-unresolved" && c.Level == SchemaChangeLevel.Warning);
    }

    [Fact]
    public void AnOutputSchemaAddedIsCompatibleAndRemovedIsBreaking()
    {
        var schema = JsonNode.Parse("""{"type":"object","properties":{"t":{"type":"number"}},"required":["t"]}""");
        Assert.Equal(SchemaChangeLevel.Compatible, SchemaComparison.Worst(SchemaComparison.Compare(null, schema, SchemaDirection.Output)));
        Assert.Equal(SchemaChangeLevel.Breaking, SchemaComparison.Worst(SchemaComparison.Compare(schema, null, SchemaDirection.Output)));
    }

    [Fact]
    public void SeveralChangesAreEachReportedWithTheirOwnLevel()
    {
        var before = JsonNode.Parse("""{"type":"object","properties":{"q":{"type":"string","maxLength":100},"n":{"type":"integer"}}}""");
        var after = JsonNode.Parse("""{"type":"object","properties":{"q":{"type":"string","maxLength":200,"description":"query"},"n":{"type":"integer","enum":[1,2]}}}""");
        var changes = SchemaComparison.Compare(before, after, SchemaDirection.Input);
        Assert.Equal(
            ["/properties/q/maxLength bound-relaxed Compatible", "/properties/q/description annotation-changed Compatible", "/properties/n/enum enum-added Breaking"],
            changes.Select(c => $"{c.Path} {c.Kind} {c.Level}"));
    }

    private static SchemaChangeLevel Level(char letter) => letter switch
    {
        'B' => SchemaChangeLevel.Breaking,
        'W' => SchemaChangeLevel.Warning,
        _ => SchemaChangeLevel.Compatible,
    };
}
