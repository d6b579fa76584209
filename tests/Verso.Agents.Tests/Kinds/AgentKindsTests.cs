using System.Text.Json;
using Verso.Agents.Identity;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Tests.Kinds;

public sealed class AgentKindsTests
{
    [Fact]
    public void RegisterAllRegistersTheTenKindsOfTheDomainWithValidatorsAtSchemaOne()
    {
        var registry = AgentKinds.RegisterAll(new KindRegistry());

        Assert.Equal(
            ["agent", "budget", "company", "decision", "hiring-template", "prompt-profile", "role", "tool", "tool-policy", "workflow"],
            registry.Registered.Select(k => k.Name));
        Assert.All(registry.Registered, kind =>
        {
            Assert.False(kind.IsDocumentKind);
            Assert.NotNull(kind.Validator);
            Assert.Equal(1, kind.SchemaVersion);
        });
    }

    [Fact]
    public void ResolvingARegisteredNameGivesTheSharedKindInstance()
    {
        var registry = AgentKinds.RegisterAll(new KindRegistry());

        Assert.Same(AgentKinds.Agent, registry.Resolve("agent"));
        Assert.Same(AgentKinds.Workflow, registry.Resolve("workflow"));
        Assert.Same(AgentKinds.Decision, registry.Resolve("decision"));
    }

    [Fact]
    public void AnUnknownKindNameStillResolvesToADocumentKind()
    {
        var kind = AgentKinds.RegisterAll(new KindRegistry()).Resolve("incident-report");

        Assert.True(kind.IsDocumentKind);
        Assert.Null(kind.Validator);
        Assert.Empty(kind.VolatileFields.Pointers);
    }

    [Fact]
    public void RegisteringTwiceIntoOneRegistryIsHarmlessButAnotherAgentKindIsRefused()
    {
        var registry = AgentKinds.RegisterAll(AgentKinds.RegisterAll(new KindRegistry()));

        Assert.Equal(10, registry.Registered.Count);
        Assert.Throws<InvalidOperationException>(() => AgentKinds.RegisterAll(new KindRegistry().Register(new EntityKind("agent"))));
    }

    [Fact]
    public void OnlyRuntimeStateIsVolatile()
    {
        Assert.Equal(["/status"], AgentKinds.Agent.VolatileFields.Pointers);
        Assert.Equal(["/updated_at", "/revision"], AgentKinds.Workflow.VolatileFields.Pointers);
        Assert.All(
            AgentKinds.All.Where(k => k.Name is not ("agent" or "workflow")),
            kind => Assert.Empty(kind.VolatileFields.Pointers));
    }

    [Fact]
    public async Task ChangingAnAgentsStatusChangesNeitherTheHashNorTheVersion()
    {
        var (first, second) = await SaveTwiceAsync("agent", "alice", a => a["status"] = "on_leave");

        Assert.Equal(first.Head.Hash, second.Head.Hash);
        Assert.Equal(AppendOutcome.Unchanged, second.Outcome);
        Assert.DoesNotContain("\"status\"", first.Head.ContentText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingAWorkflowsRevisionAndUpdateTimeChangesNeitherTheHashNorTheVersion()
    {
        var (first, second) = await SaveTwiceAsync("workflow", "feature-delivery", w =>
        {
            w["revision"] = 15;
            w["updated_at"] = "2026-03-03T08:00:00Z";
        });

        Assert.Equal(first.Head.Hash, second.Head.Hash);
        Assert.Equal(AppendOutcome.Unchanged, second.Outcome);
    }

    [Fact]
    public async Task ChangingACharterChangesTheHash()
    {
        var (first, second) = await SaveTwiceAsync("agent", "alice", a => a["charter"] = a["charter"]!.GetValue<string>() + "\nBe brief.\n");

        Assert.NotEqual(first.Head.Hash, second.Head.Hash);
        Assert.Equal(2, second.Head.Version);
    }

    [Fact]
    public void AgentBehaviourIsTheCharterModelToolsAndTheRestButNotPresentation()
    {
        var behaviour = AgentKinds.Agent.BehaviourFields!.Value;

        Assert.Equal(
            ["/authority", "/autonomy_level", "/charter", "/memory", "/model", "/personality", "/role", "/skills", "/tools"],
            behaviour.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WorkflowBehaviourCoversNodeTypesConfigAndEdgeEndpointsButNotLabelsOrPositions()
    {
        var behaviour = AgentKinds.Workflow.BehaviourFields!.Value;

        Assert.Contains("/nodes/*/type", behaviour);
        Assert.Contains("/nodes/*/config", behaviour);
        Assert.Contains("/edges/*/target", behaviour);
        Assert.DoesNotContain(behaviour, p => p.EndsWith("/label", StringComparison.Ordinal) || p is "/name" or "/description" or "/version");
        Assert.DoesNotContain(behaviour, p => p.EndsWith("/x", StringComparison.Ordinal) || p.EndsWith("/y", StringComparison.Ordinal));
        Assert.Null(AgentKinds.Decision.BehaviourFields);
    }

    [Theory]
    [InlineData("workflow", "/nodes", "id")]
    [InlineData("workflow", "/edges", "id")]
    [InlineData("workflow", "/inputs", "name")]
    [InlineData("agent", "/skills/primary", "id")]
    [InlineData("agent", "/skills/secondary", "id")]
    [InlineData("company", "/departments", "id")]
    [InlineData("budget", "/policies", "id")]
    [InlineData("tool-policy", "/access_levels", "level")]
    [InlineData("prompt-profile", "/examples", "id")]
    [InlineData("decision", "/pinned_charters", "ref")]
    public void KeyedArraysAreMatchedByTheirIdentityKey(string kind, string path, string key)
    {
        Assert.Equal(key, AgentKinds.RegisterAll(new KindRegistry()).Resolve(kind).DiffRules.IdentityKeyFor(path));
    }

    [Theory]
    [InlineData("agent", "/tools/allowed")]
    [InlineData("agent", "/tools/denied")]
    [InlineData("agent", "/personality/traits")]
    [InlineData("role", "/skills")]
    [InlineData("tool-policy", "/access_levels/2/allowed")]
    [InlineData("prompt-profile", "/forbidden_phrases")]
    public void SetArraysIgnoreOrder(string kind, string path)
    {
        Assert.True(AgentKinds.RegisterAll(new KindRegistry()).Resolve(kind).DiffRules.IsSet(path));
    }

    [Fact]
    public void GuidelinesKeepTheirOrderBecauseTheyAreGivenToTheModelInOrder()
    {
        Assert.False(AgentKinds.PromptProfile.DiffRules.IsSet("/guidelines"));
    }

    [Fact]
    public void EnumsAreWrittenInSnakeCaseAsTheValidatorExpects()
    {
        var agent = new AgentIdentity { Id = "x", Name = "X", Role = "r", Level = SeniorityLevel.CSuite, Status = AgentStatus.OnLeave };

        var json = JsonSerializer.Serialize(agent, AgentKinds.Agent.SerializerOptions);

        Assert.Equal("""{"id":"x","name":"X","role":"r","level":"c_suite","status":"on_leave"}""", json);
        Assert.Empty(AgentKinds.Agent.Validator!.Validate(JsonDocument.Parse(json).RootElement));
    }

    [Theory]
    [InlineData("2026-01-12T09:00:00+00:00", "2026-01-12T09:00:00Z")]
    [InlineData("2026-01-12T09:00:00.250Z", "2026-01-12T09:00:00.25Z")]
    public void TypedRecordsWriteTimestampsInOneUtcForm(string written, string normalized)
    {
        var agent = JsonSerializer.Deserialize<AgentIdentity>($$"""{"id":"x","name":"X","role":"r","hiring_date":"{{written}}"}""", AgentKinds.Agent.SerializerOptions)!;

        Assert.Contains($"\"hiring_date\":\"{normalized}\"", JsonSerializer.Serialize(agent, AgentKinds.Agent.SerializerOptions), StringComparison.Ordinal);
    }

    [Fact]
    public void ATypedReadRefusesAFieldTheRecordDoesNotDeclareRatherThanDroppingIt()
    {
        Assert.Throws<JsonException>(() =>
            JsonSerializer.Deserialize<AgentIdentity>("""{"id":"x","name":"X","role":"r","mood":"happy"}""", AgentKinds.Agent.SerializerOptions));
    }

    private static async Task<(AppendResult First, AppendResult Second)> SaveTwiceAsync(string kind, string id, Action<System.Text.Json.Nodes.JsonObject> change)
    {
        var service = new VersioningService(new InMemoryVersionStore(), AgentKinds.RegisterAll(new KindRegistry()));
        var key = EntityKey.Create(kind, id);
        var first = await service.SaveAsync(key, SampleFiles.Bytes(kind, id), new SaveOptions("ops"));
        var changed = SampleFiles.Node(kind, id);
        change(changed);
        var second = await service.SaveAsync(key, System.Text.Encoding.UTF8.GetBytes(changed.ToJsonString()), new SaveOptions("ops"));
        return (first, second);
    }
}
