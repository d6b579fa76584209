using System.Text.Json.Nodes;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Agents.Tests.Decisions;

public sealed class DecisionLogTests
{
    private readonly FakeTimeProvider _clock = new(Some.Instant);
    private readonly VersioningService _service;
    private readonly DecisionLog _log;

    public DecisionLogTests()
    {
        var store = new InMemoryVersionStore();
        _service = new VersioningService(store, AgentKinds.RegisterAll(new KindRegistry()), _clock);
        _log = new DecisionLog(_service, store, _clock);
    }

    [Fact]
    public async Task ACharterEditedBetweenExecutionAndReviewIsNotBlamedForTheTask()
    {
        var ravi = await SaveAgentAsync("ravi");
        await SaveAgentAsync("alice");
        _clock.Advance(TimeSpan.FromHours(1));
        var executedAt = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromHours(1));
        await SaveAgentAsync("ravi", charter => charter + "\nEdited after the task ran.\n");

        var decision = await _log.RecordAsync(Request(executedAt), "ops");

        Assert.Equal([$"{ravi.Ref} {ravi.Hash}", "agent/alice@1"], decision.Head.Record.PinnedCharters.Select((p, i) => i == 0 ? $"{p.Ref} {p.Hash}" : p.Ref));
        Assert.Equal([decision.Head.Ref], await _service.Store.FindReferrersAsync(ravi.Key, 1));
        Assert.Empty(await _service.Store.FindReferrersAsync(ravi.Key, 2));
    }

    [Fact]
    public async Task EachDecisionAboutATaskIsItsNextVersion()
    {
        await SaveAgentAsync("ravi");
        await SaveAgentAsync("alice");

        await _log.RecordAsync(Request(_clock.GetUtcNow()), "ops");
        var second = await _log.RecordAsync(Request(_clock.GetUtcNow()) with { Decision = DecisionOutcome.Escalated }, "ops");

        Assert.Equal(2, second.Head.Version);
        Assert.Equal("decision", second.Head.Kind);
    }

    [Fact]
    public async Task AnExplicitPinMustNameTheSameAgent()
    {
        await SaveAgentAsync("ravi");
        await SaveAgentAsync("alice");

        var error = await Assert.ThrowsAsync<InvalidRecordException>(() =>
            _log.RecordAsync(Request(_clock.GetUtcNow()) with { ExecutorRef = VersionRef.Parse("agent/alice@1") }, "ops"));

        Assert.Equal("/executor", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task AReviewerWhoIsTheExecutorIsRefused()
    {
        await SaveAgentAsync("ravi");

        var error = await Assert.ThrowsAsync<InvalidRecordException>(() =>
            _log.RecordAsync(Request(_clock.GetUtcNow()) with { Reviewer = "ravi" }, "ops"));

        Assert.Equal("/reviewer", Assert.Single(error.Problems).Path);
    }

    private static DecisionRequest Request(DateTimeOffset executedAt) =>
        new("task-7", "ravi", "alice", DecisionOutcome.Approved, executedAt) { Reason = "tests pass" };

    private async Task<Model.Snapshots.Snapshot> SaveAgentAsync(string id, Func<string, string>? editCharter = null)
    {
        var agent = SampleFiles.Node("agent", id);
        if (editCharter is not null)
        {
            agent["charter"] = editCharter(agent["charter"]!.GetValue<string>());
        }

        var result = await _service.SaveAsync(EntityKey.Create("agent", id), System.Text.Encoding.UTF8.GetBytes(agent.ToJsonString()), new SaveOptions("ops"));
        return result.Head;
    }
}
