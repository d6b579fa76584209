using System.Text;
using System.Text.Json.Nodes;
using Verso.Agents.Kinds;
using Verso.Files.Tests.Support;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Tests;

public sealed class RecordFormatTests
{
    private static readonly VersioningService Service = new(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));

    public static TheoryData<string, string> EverySample() => Samples.All();

    [Theory]
    [MemberData(nameof(EverySample))]
    public void EveryKindsFileReadsBackToTheSameRecordAndHash(string kind, string id)
    {
        var content = Service.Canonicalize(kind, Samples.Bytes(kind, id));
        var path = RecordPath.For(EntityKey.Create(kind, id));

        var file = RecordFormat.Write(Service.Kinds.Resolve(kind), path.Format, content.Utf8);
        var back = RecordFormat.Read(Service, path, file);

        Assert.Equal(content.Hash, back.Hash);
        Assert.Equal(content.Utf8.ToArray(), back.Utf8.ToArray());
    }

    [Fact]
    public void AnAgentIsAlsoReadableAsYaml()
    {
        var content = Service.Canonicalize("agent", Samples.Bytes("agent", "alice"));

        var yaml = RecordFormat.Write(AgentKinds.Agent, RecordFileFormat.Yaml, content.Utf8);

        Assert.Equal(content.Hash, RecordFormat.Read(Service, RecordPath.Parse("agent/alice.yaml"), yaml).Hash);
        Assert.Equal(content.Hash, RecordFormat.Read(Service, "agent", "charters/agent/alice.yaml", yaml).Hash);
    }

    [Fact]
    public void FieldsAreWrittenInTheOrderTheRecordDeclaresThemNotAlphabetically()
    {
        var content = Service.Canonicalize("workflow", Samples.Bytes("workflow", "feature-delivery"));

        var yaml = Encoding.UTF8.GetString(RecordFormat.Write(AgentKinds.Workflow, RecordFileFormat.Yaml, content.Utf8));

        var topLevel = yaml.Split('\n').Where(l => l.Length > 0 && char.IsAsciiLetterLower(l[0])).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]).ToList();
        Assert.Equal(["id", "name", "description"], topLevel.Take(3));
        Assert.True(topLevel.IndexOf("nodes") < topLevel.IndexOf("edges"));
        // Inside each node too: id first, then type and label, as a WorkflowNode declares them.
        Assert.Contains("- id: ", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentKindKeepsCanonicalOrder()
    {
        var content = Service.Canonicalize("runbook", Encoding.UTF8.GetBytes("""{"zeta":1,"alpha":{"x":2,"b":3}}"""));

        var yaml = Encoding.UTF8.GetString(RecordFormat.Write(Service.Kinds.Resolve("runbook"), RecordFileFormat.Yaml, content.Utf8));

        Assert.Equal("alpha:\n  b: 3\n  x: 2\nzeta: 1\n", yaml);
    }

    [Fact]
    public void AnAgentsMarkdownHasItsFieldsAsFrontMatterAndItsCharterAsTheBody()
    {
        var record = Samples.Node("agent", "alice");
        var charter = record["charter"]!.GetValue<string>();
        var content = Service.Canonicalize("agent", Samples.Canonical(record));

        var markdown = Encoding.UTF8.GetString(RecordFormat.Write(AgentKinds.Agent, RecordFileFormat.Markdown, content.Utf8));

        Assert.StartsWith("---\nid: alice\nname: Alice Novak\nrole: code-reviewer\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("\n---\n" + charter, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("charter:", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# Charter\r\nCRLF lines\r\n")]
    [InlineData("no final newline")]
    [InlineData("\uFEFF# starts with a byte order mark\n")]
    [InlineData("emoji 🚀 and Zoë\n\n\n")]
    [InlineData("---\nlooks like front matter\n---\n")]
    [InlineData("trailing spaces   \n\ttabs\n")]
    public void ACharterBodyIsKeptByteForByte(string charter)
    {
        var record = Samples.Node("agent", "alice");
        record["charter"] = charter;
        var content = Service.Canonicalize("agent", Samples.Canonical(record));

        var markdown = RecordFormat.Write(AgentKinds.Agent, RecordFileFormat.Markdown, content.Utf8);

        Assert.Equal(Encoding.UTF8.GetBytes("\n---\n" + charter), markdown[^Encoding.UTF8.GetByteCount("\n---\n" + charter)..]);
        Assert.Equal(content.Hash, RecordFormat.Read(Service, RecordPath.Parse("agent/alice.md"), markdown).Hash);
    }

    [Fact]
    public void AnAgentWithoutACharterAndOneWithAnEmptyCharterStayDistinct()
    {
        var without = Samples.Node("agent", "alice");
        without.Remove("charter");
        var empty = without.DeepClone().AsObject();
        empty["charter"] = "";

        foreach (var record in new[] { without, empty })
        {
            var content = Service.Canonicalize("agent", Samples.Canonical(record));
            var markdown = RecordFormat.Write(AgentKinds.Agent, RecordFileFormat.Markdown, content.Utf8);
            Assert.EndsWith("\n---\n", Encoding.UTF8.GetString(markdown), StringComparison.Ordinal);
            Assert.Equal(content.Hash, RecordFormat.Read(Service, RecordPath.Parse("agent/alice.md"), markdown).Hash);
        }
    }

    [Fact]
    public void AHandEditedMarkdownFileWithCrlfDelimitersReads()
    {
        var markdown = "---\r\nid: zoe\r\nname: Zoë\r\nrole: tester\r\n---\r\n# Zoë\r\n"u8.ToArray();

        var record = JsonNode.Parse(RecordFormat.ReadJson("agent", RecordFileFormat.Markdown, markdown))!;

        Assert.Equal("# Zoë\r\n", record["charter"]!.GetValue<string>());
        Assert.Equal("Zoë", record["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("id: a\n", 1, "must start with a '---' line")]
    [InlineData("---\nid: a\n", 3, "never closed")]
    [InlineData("---\n- a\n---\nbody", 2, "must be a YAML mapping")]
    [InlineData("---\ncharter: x\n---\nbody", 3, "both in the front matter and the body")]
    [InlineData("---\nid: [\n---\n", 3, "not valid YAML")]
    public void AMarkdownFileWithoutUsableFrontMatterIsRefusedNamingItsLine(string markdown, int line, string words)
    {
        var error = Assert.Throws<Files.Errors.RecordFileException>(() => RecordFormat.ReadJson("agent", RecordFileFormat.Markdown, Encoding.UTF8.GetBytes(markdown)));

        Assert.Contains(words, error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void ACharterThatIsNotUtf8IsRefused()
    {
        byte[] markdown = [.. "---\nid: a\nname: A\nrole: r\n---\n"u8, 0xC3, 0x28];

        Assert.Throws<Files.Errors.RecordFileException>(() => RecordFormat.ReadJson("agent", RecordFileFormat.Markdown, markdown));
    }
}
