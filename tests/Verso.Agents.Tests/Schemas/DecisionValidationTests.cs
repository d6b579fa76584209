using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Tests.Schemas;

public sealed class DecisionValidationTests
{
    private static readonly string AliceHash = "sha256:" + new string('a', 64);
    private static readonly string RaviHash = "sha256:" + new string('b', 64);

    [Fact]
    public void AWellFormedDecisionIsValid()
    {
        Assert.Empty(Validate(_ => { }));
    }

    [Fact]
    public void TheReviewerCannotBeTheExecutor()
    {
        var problems = Validate(d =>
        {
            d["reviewer"] = "ravi";
            d["pinned_charters"]!.AsArray().RemoveAt(1);
        });

        Problems.Single(problems, "/reviewer", "agent 'ravi' executed the task and cannot also review it");
    }

    [Theory]
    [InlineData("/decision", "\"maybe\"", "is not one of: approved, rejected, auto_approved, auto_rejected, escalated")]
    [InlineData("/executed_at", "\"2026-11-01T12:00:00+01:00\"", "UTC timestamp")]
    [InlineData("/recorded_at", "\"tomorrow\"", "UTC timestamp")]
    [InlineData("/task_id", "\"task 42\"", "must be an id")]
    [InlineData("/criteria", "\"tests pass\"", "expected an array")]
    [InlineData("/verdict", "\"approved\"", "unknown field")]
    public void AFieldOutOfItsRuleIsReportedAtItsPath(string path, string json, string words)
    {
        Problems.Single(Validate(d => d[path[1..]] = JsonNode.Parse(json)), path, words);
    }

    [Theory]
    [InlineData("auto_approved")]
    [InlineData("auto_rejected")]
    [InlineData("escalated")]
    public void EveryOutcomeIsAccepted(string outcome)
    {
        Assert.Empty(Validate(d => d["decision"] = outcome));
    }

    [Fact]
    public void MetadataIsAnOpenObject()
    {
        Assert.Empty(Validate(d => d["metadata"] = JsonNode.Parse("""{"pr":418,"labels":["billing"],"ci":{"green":true}}""")));
    }

    [Fact]
    public void ADecisionCannotBeRecordedBeforeTheTaskExecuted()
    {
        Problems.Single(Validate(d => d["recorded_at"] = "2026-11-01T11:59:59Z"), "/recorded_at", "before the task executed");
    }

    [Fact]
    public void TheReviewersCharterMustBePinned()
    {
        Problems.Single(Validate(d => d["pinned_charters"]!.AsArray().RemoveAt(1)), "/pinned_charters", "the reviewer 'alice' has no pinned charter");
    }

    [Fact]
    public void APinOfAnAgentThatTookNoPartIsReported()
    {
        Problems.AtPaths(Validate(d => d["pinned_charters"]![1]!["ref"] = "agent/maya@2"), "/pinned_charters/1/ref", "/pinned_charters");
    }

    [Theory]
    [InlineData("ref", "alice@3", "pinned agent version")]
    [InlineData("ref", "agent/alice@0", "pinned agent version")]
    [InlineData("ref", "role/alice@3", "pinned agent version")]
    [InlineData("hash", "sha256:ABC", "content hash")]
    public void AMalformedPinIsReportedAtItsPath(string member, string value, string words)
    {
        var problems = Validate(d => d["pinned_charters"]![1]![member] = value);

        Assert.Contains(problems, p => p.Path == $"/pinned_charters/1/{member}" && p.Message.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryProblemOfADecisionIsReportedTogether()
    {
        var problems = Validate(d =>
        {
            d.Remove("executed_at");
            d["decision"] = "maybe";
            d["reviewer"] = "ravi";
            d["pinned_charters"]!.AsArray().RemoveAt(1);
            d["pinned_charters"]![0]!["hash"] = "md5:0";
        });

        Problems.AtPaths(problems, "/executed_at", "/decision", "/reviewer", "/pinned_charters/0/hash");
    }

    [Fact]
    public async Task TheDecisionEntityIsTheTaskSoEachDecisionAboutItIsItsNextVersion()
    {
        var kinds = AgentKinds.RegisterAll(new KindRegistry());
        var service = new VersioningService(new InMemoryVersionStore(), kinds);
        var decisions = service.Collection(AgentKinds.Decision);
        // The store accepts only pins of versions it holds, so the pinned charters are saved first.
        var pins = new List<PinnedCharter>();
        foreach (var agent in new[] { "ravi", "alice" })
        {
            var charter = (await service.SaveAsync(EntityKey.Create("agent", agent), SampleFiles.Bytes("agent", agent), new SaveOptions("ops"))).Head;
            pins.Add(new PinnedCharter { Ref = charter.Ref.ToString(), Hash = charter.Hash.ToString() });
        }

        var first = JsonSerializer.Deserialize<DecisionRecord>(Valid().ToJsonString(), AgentKinds.Decision.SerializerOptions)! with { PinnedCharters = [.. pins] };
        var second = first with { Id = "dec-0043", Decision = DecisionOutcome.AutoRejected, RecordedAt = first.RecordedAt.AddHours(1) };

        await decisions.SaveAsync(first, new SaveOptions("alice"));
        var saved = await decisions.SaveAsync(second, new SaveOptions("alice"));
        var readBack = (await decisions.GetAsync("task-42", 2))!;

        Assert.Equal("task-42", saved.Head.Id);
        Assert.Equal(2, saved.Head.Version);
        Assert.Equal(DecisionOutcome.AutoRejected, readBack.Record.Decision);
        Assert.Contains("\"decision\":\"auto_rejected\"", readBack.Stored.ContentText(), StringComparison.Ordinal);
        Assert.Contains("\"recorded_at\":\"2026-11-01T16:30:00Z\"", readBack.Stored.ContentText(), StringComparison.Ordinal);
        Assert.Empty(AgentKinds.Decision.Validator!.Validate(JsonDocument.Parse(readBack.Stored.Content).RootElement));
    }

    private static IReadOnlyList<RecordProblem> Validate(Action<JsonObject> change)
    {
        var decision = Valid();
        change(decision);
        return AgentKinds.Decision.Validator!.Validate(SampleFiles.Element(decision));
    }

    private static JsonObject Valid() => JsonNode.Parse($$"""
        {
          "id": "dec-0042",
          "task_id": "task-42",
          "executor": "ravi",
          "reviewer": "alice",
          "decision": "approved",
          "reason": "Tests cover the new refund path; migration has a rollback.",
          "criteria": ["tests cover the change", "no blocking comments"],
          "executed_at": "2026-11-01T12:00:00Z",
          "recorded_at": "2026-11-01T15:30:00Z",
          "pinned_charters": [
            { "ref": "agent/ravi@4", "hash": "{{RaviHash}}" },
            { "ref": "agent/alice@3", "hash": "{{AliceHash}}" }
          ]
        }
        """)!.AsObject();
}
