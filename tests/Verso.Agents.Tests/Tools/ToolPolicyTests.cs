using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Versioning;
using static Verso.Agents.Tests.Tools.ToolRecords;

namespace Verso.Agents.Tests.Tools;

public sealed class ToolPolicyTests
{
    // units becomes required: a caller that left it out fails.
    private static readonly string BreakingInline = Inline(Input.Replace("[\"city\"]", "[\"city\",\"units\"]", StringComparison.Ordinal));

    // a new enum value in the input: every caller still works.
    private static readonly string CompatibleInline = Inline(Input.Replace("[\"c\",\"f\"]", "[\"c\",\"f\",\"k\"]", StringComparison.Ordinal));

    private readonly VersioningService _service = Service();
    private readonly EntityKey _alice = EntityKey.Create("agent", "alice");

    [Fact]
    public async Task ProductionRefusesABreakingToolChangeAndNamesIt()
    {
        await PolicyAsync("tag.production", """{"breaking_tool_changes":"refuse"}""");
        await TagAsync(await SaveAsync(Agent(Inline())));

        var refused = await Assert.ThrowsAsync<RefusedException>(async () => await TagAsync(await SaveAsync(Agent(BreakingInline))));

        Assert.Equal(PolicyRules.BreakingToolChanges, refused.Rule);
        Assert.Equal("policy/tag.production@1", refused.Policy);
        Assert.Contains("agent/alice@1 → agent/alice@2 brings 1 breaking tool change: weather /inputSchema/required (input): breaking, 'units' is required now", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await _service.Store.GetTagAsync(_alice, "production"));
    }

    [Fact]
    public async Task ProductionTakesACompatibleToolChange()
    {
        await PolicyAsync("tag.production", """{"breaking_tool_changes":"refuse"}""");
        await TagAsync(await SaveAsync(Agent(Inline())));

        await TagAsync(await SaveAsync(Agent(CompatibleInline)));

        Assert.Equal(2, await _service.Store.GetTagAsync(_alice, "production"));
    }

    [Fact]
    public async Task ABreakingToolChangeReachesProductionOnlyWithANewMajorVersion()
    {
        await PolicyAsync("tag.production", """{"breaking_tool_changes":"major"}""");
        await TagAsync(await SaveAsync(Agent(Inline(), "1.4.0")));

        var refused = await Assert.ThrowsAsync<RefusedException>(async () => await TagAsync(await SaveAsync(Agent(BreakingInline, "1.5.0"))));
        Assert.Contains("declares version 1.5.0 after agent/alice@1's 1.4.0 while it brings 1 breaking tool change: weather /inputSchema/required", refused.Reason, StringComparison.Ordinal);

        await TagAsync(await SaveAsync(Agent(BreakingInline, "2.0.0")));
        Assert.Equal(3, await _service.Store.GetTagAsync(_alice, "production"));
    }

    [Fact]
    public async Task ABreakingToolChangeNeedsItsNamedCheckToPassBeforeTheTagMoves()
    {
        await PolicyAsync("tag.production", """{"breaking_tool_checks":["tool-review"]}""");
        await TagAsync(await SaveAsync(Agent(Inline())));
        var version = await SaveAsync(Agent(BreakingInline));

        var refused = await Assert.ThrowsAsync<RefusedException>(() => TagAsync(version));
        Assert.Equal(PolicyRules.BreakingToolChecks, refused.Rule);
        Assert.Contains("tool-review: pass", refused.Reason, StringComparison.Ordinal);

        await new CheckService(_service).RecordAsync(VersionRef.ForVersion(_alice, version), "tool-review", passed: true, "ci");
        await TagAsync(version);
        Assert.Equal(version, await _service.Store.GetTagAsync(_alice, "production"));
    }

    [Fact]
    public async Task UnderReviewABreakingToolChangeIsNoDirectSaveButAnApprovedChangeRequest()
    {
        await SaveAsync(Agent(Inline()));
        await PolicyAsync("kind.agent", """{"breaking_tool_changes":"review"}""");

        var refused = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(Agent(BreakingInline)));
        Assert.Equal(PolicyRules.BreakingToolChanges, refused.Rule);
        Assert.Contains("weather /inputSchema/required (input): breaking", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(2, await SaveAsync(Agent(CompatibleInline)));

        var requests = new ChangeRequestService(_service);
        var proposal = Agent(CompatibleInline.Replace("[\"city\"]", "[\"city\",\"units\"]", StringComparison.Ordinal));
        var request = await requests.ProposeAsync(_alice, Utf8(proposal), new Actor("ann"));
        var unmet = Assert.Single(await requests.UnmetApprovalsAsync(request));
        Assert.Equal(PolicyRules.BreakingToolChanges, unmet.Rule);
        Assert.Contains("needs 1 approval for 1 breaking tool change (weather /inputSchema/required", unmet.Reason, StringComparison.Ordinal);

        await requests.ReviewAsync(request.Id, ReviewVerdict.Approve, new Actor("bob"));
        var applied = await requests.ApplyAsync(request.Id, new Actor("ann"));
        Assert.Equal(3, applied.Applied!.Version);
    }

    [Theory]
    [InlineData("tag.production", """{"breaking_tool_changes":"review"}""")]
    [InlineData("kind.agent", """{"breaking_tool_changes":"refuse"}""")]
    [InlineData("kind.agent", """{"breaking_tool_checks":["x"]}""")]
    [InlineData("tag.production", """{"breaking_tool_changes":"sometimes"}""")]
    public async Task APolicyValueThatDoesNotFitItsScopeIsRefused(string id, string json) =>
        await Assert.ThrowsAsync<InvalidRecordException>(() => PolicyAsync(id, json));

    private async Task<int> SaveAsync(string json) => (await _service.SaveAsync(_alice, Utf8(json), new SaveOptions("ops"))).Head.Version;

    private Task TagAsync(int version) => _service.TagAsync(VersionRef.ForVersion(_alice, version), "production", "ops");

    private Task PolicyAsync(string id, string json) => _service.SaveAsync(EntityKey.Create("policy", id), Utf8(json), new SaveOptions("admin"));
}
