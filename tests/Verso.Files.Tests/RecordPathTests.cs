using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Files.Errors;
using Verso.Files.Tests.Support;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Tests;

public sealed class RecordPathTests
{
    [Theory]
    [InlineData("agent/alice.md", "agent", "alice", RecordFileFormat.Markdown)]
    [InlineData("agent/alice.yaml", "agent", "alice", RecordFileFormat.Yaml)]
    [InlineData("role/code-reviewer.yaml", "role", "code-reviewer", RecordFileFormat.Yaml)]
    [InlineData("runbook/v1.2_final.yaml", "runbook", "v1.2_final", RecordFileFormat.Yaml)]
    [InlineData("agent/alice.json", "agent", "alice", RecordFileFormat.Json)]
    public void APathNamesItsKindIdAndFormat(string path, string kind, string id, RecordFileFormat format)
    {
        var parsed = RecordPath.Parse(path);

        Assert.Equal(EntityKey.Create(kind, id), parsed.Key);
        Assert.Equal(format, parsed.Format);
        Assert.Equal(path, parsed.RelativePath);
    }

    [Theory]
    [InlineData("../x.yaml")]
    [InlineData("agent/../x.yaml")]
    [InlineData("agent/../../etc/passwd.yaml")]
    [InlineData("/etc/agent/x.yaml")]
    [InlineData("agent/a/b.yaml")]
    [InlineData("agent\\x.yaml")]
    [InlineData("agent/x\0.yaml")]
    [InlineData("agent/.hidden.yaml")]
    [InlineData("agent/.yaml")]
    [InlineData("agent/-x.yaml")]
    [InlineData("agent/x y.yaml")]
    [InlineData("agent/x.yml")]
    [InlineData("role/x.md")]
    [InlineData("Agent/x.md")]
    [InlineData(".git/config.yaml")]
    [InlineData("agent/CON.md")]
    [InlineData("agent/nul.yaml")]
    [InlineData("agent/Com1.yaml")]
    [InlineData("agent/LPT9.draft.yaml")]
    [InlineData("agent/x.yaml\n")]
    [InlineData("agent/héllo.yaml")]
    [InlineData("agent/")]
    [InlineData("")]
    public void AHostilePathIsRefused(string path)
    {
        var error = Record.Exception(() => RecordPath.Parse(path));

        Assert.True(error is RecordFileException or InvalidNameException, $"{path}: {error}");
    }

    [Fact]
    public void AnIdTooLongForTheNamingRuleIsRefused()
    {
        Assert.Throws<InvalidNameException>(() => RecordPath.Parse($"agent/{new string('a', 129)}.yaml"));
        Assert.Equal(128 + ".yaml".Length, RecordPath.Parse($"role/{new string('a', 128)}.yaml").RelativePath.Length - "role/".Length);
    }

    [Fact]
    public void AStoredIdThatIsAWindowsDeviceNameHasNoPath()
    {
        Assert.Throws<RecordFileException>(() => RecordPath.For(EntityKey.Create("agent", "aux")));
    }

    [Fact]
    public void EveryValidKeyHasAPathInsideItsKindFolderThatParsesBackToIt()
    {
        var idChars = Gen.Elements("abcXYZ019._-".ToCharArray());
        var ids =
            from first in Gen.Elements("aZ09".ToCharArray())
            from rest in idChars.ArrayOf()
            select first + new string([.. rest.Take(127)]);

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(ids), id =>
        {
            if (SafeName.IsWindowsDeviceName(id))
            {
                return;
            }

            var path = RecordPath.For(EntityKey.Create("agent", id));
            Assert.StartsWith("agent/", path.RelativePath, StringComparison.Ordinal);
            Assert.Equal(path, RecordPath.Parse(path.RelativePath));
            Assert.Equal(Path.GetFullPath(Path.Combine("/root/dir", "agent")), Path.GetDirectoryName(Path.GetFullPath(Path.Combine("/root/dir", path.RelativePath))));
        }));
    }

    [Fact]
    public void AnyCharterRoundTripsThroughMarkdown()
    {
        var service = new VersioningService(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(Arb.From(ArbitraryJson.Strings), charter =>
        {
            var record = Samples.Node("agent", "alice");
            record["charter"] = charter;
            record["description"] = charter;
            var content = service.Canonicalize("agent", Samples.Canonical(record));

            var markdown = RecordFormat.Write(AgentKinds.Agent, RecordFileFormat.Markdown, content.Utf8);

            Assert.Equal(content.Hash, RecordFormat.Read(service, RecordPath.Parse("agent/alice.md"), markdown).Hash);
        }));
    }
}
