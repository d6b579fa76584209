using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Verso.Agents.Kinds;
using Verso.Files.Squad;
using Verso.Files.Tests.Support;
using Verso.Model.Kinds;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Tests.Squad;

public sealed class SquadParsingTests
{
    private static readonly Gen<string> Lines = Gen.Elements(
        "### 2025-07-10: Title\n", "### Title\r\n", "## Section\n", "# Decisions\n", "**By:** Ann\n", "**What:** x\r\n", "\n", "\r\n",
        "---\n", "***\n", "```\n", "~~~\n", "#### deeper\n", "text 🚀\n", "### \n", "###no-space\n", "no newline", "\uFEFF")
        .ListOf().Select(lines => string.Concat(lines.Take(30)));

    [Fact]
    public void ThePartsOfAnyDecisionLogJoinBackIntoItExactly()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(1000), Prop.ForAll(Arb.From(Lines), text =>
        {
            var parts = SquadDecisionLog.Parse(Encoding.UTF8.GetBytes(text));

            Assert.Equal(text, string.Concat(parts.Select(p => p.Text)));
            Assert.All(parts.Where(p => p.Decision is not null), p => Assert.Equal(p.Text, p.Decision!.Text));
            Assert.Equal(parts.Count(p => p.Decision is not null), parts.Select(p => p.Decision?.Id).OfType<string>().Distinct().Count());
        }));
    }

    [Fact]
    public void EveryDecisionReadFromAnyLogIsAValidDecisionRecord()
    {
        var service = new VersioningService(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Lines), text =>
        {
            foreach (var decision in SquadDecisionLog.Parse(Encoding.UTF8.GetBytes(text)).Select(p => p.Decision).OfType<Agents.Decisions.TeamDecision>())
            {
                service.Canonicalize("decision", System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(decision, AgentKinds.Decision.SerializerOptions));
            }
        }));
    }

    [Fact]
    public void TheTemplatesPlaceholdersStateNothing()
    {
        var template = "# {Name} — {Role}\n\n> {One-line personality statement}\n\n## Identity\n\n- **Name:** {Name}\n- **Role:** {Role title}\n- **Expertise:** {2-3 specific skills}\n\n## Model\n\n- **Preferred:** {model}\n";

        var fields = SquadCharter.Parse(template);

        Assert.Equal((null, null, null, null, null, null), (fields.Name, fields.Role, fields.Tagline, fields.Style, fields.PreferredModel, fields.FallbackModel));
        Assert.Empty(fields.Expertise);
    }

    [Theory]
    [InlineData("claude-opus-4", "anthropic")]
    [InlineData("gpt-5", "openai")]
    [InlineData("o3-mini", "openai")]
    [InlineData("gemini-2.5-pro", "google")]
    [InlineData("somebody-model", "unknown")]
    public void TheProviderIsToldFromTheModelsName(string model, string provider) => Assert.Equal(provider, SquadCharter.ProviderOf(model));

    [Fact]
    public void AProviderPrefixedModelNamesItsProvider()
    {
        var record = SquadAgentRecord.Build("kane", "# Kane — Docs\n\n## Model\n\n- **Preferred:** azure/gpt-4o\n");

        Assert.Equal("""{"provider":"azure","model_id":"gpt-4o"}""", record["model"]!.ToJsonString());
        Assert.Equal(("Kane", "docs"), (record["name"]!.GetValue<string>(), record["role"]!.GetValue<string>()));
    }

    [Fact]
    public void AnInboxFileWithoutAHeadingIsTitledByItsFileName()
    {
        var decision = SquadInbox.Parse("kane-use-docfx.md", "We use DocFX.\n"u8);

        Assert.Equal(("inbox-kane-use-docfx", "kane-use-docfx", "We use DocFX.\n"), (decision.Id, decision.Title, decision.Text));
    }
}
