using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Server.Tests.Support;

namespace Verso.Server.Tests.Mcp;

public abstract partial class McpContract
{
    [Fact]
    public async Task ResolveThroughARolloutServesTheSubjectsVariantAndTheDecisionRecordsIt()
    {
        using var person = Host.CreateClient();
        person.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        var alice = (await Api.ReadAsync(await person.GetAsync("/api/v1/entities/agent/alice")))["content"]!.AsObject();
        alice["charter"] = Text(alice["charter"]) + "- Ask before deleting anything.\n";
        (await person.PutAsync("/api/v1/entities/agent/alice", Api.Body(alice.ToJsonString()))).EnsureSuccessStatusCode();
        (await person.PutAsync("/api/v1/entities/agent/alice/tags/production", Api.Body("""{"version":1}"""))).EnsureSuccessStatusCode();
        var rollout = await Api.ReadAsync(await person.PostAsync("/api/v1/entities/agent/alice/rollouts/production", Api.Body("""{"candidate":2,"weight":5000}""")));
        var salt = Text(rollout["salt"]);
        var subject = Enumerable.Range(0, 100).Select(n => $"tenant-{n}").First(s => RolloutBuckets.Of(salt, s) < 5_000);
        await using var agent = await ConnectAsync(AgentToken);

        var resolved = await CallAsync(agent, "resolve", $$"""{"ref":"agent/alice@production","subject":"{{subject}}"}""");
        var anonymous = await CallAsync(agent, "resolve", """{"kind":"agent","id":"alice","label":"production"}""");

        Assert.Equal(("agent/alice@2", RolloutBuckets.Of(salt, subject), 1), (Text(resolved["ref"]), resolved["bucket"]!.GetValue<int>(), resolved["rollout_version"]!.GetValue<int>()));
        Assert.Equal("agent/alice@1", Text(anonymous["ref"]));
        Assert.Null(anonymous["bucket"]);
        var decision = await CallAsync(agent, "record_decision", $$"""
            {"task":"task-rollout","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"{{Text(resolved["resolved_at"])}}",
             "pins":[{"ref":"agent/alice@2","hash":"{{Text(resolved["hash"])}}"}],
             "resolution":{"label":"production","subject":"{{subject}}","rollout_version":1} }
            """);
        var stored = (await Store.GetLatestAsync(EntityKey.Create("decision", "task-rollout")))!;
        var recorded = JsonNode.Parse(stored.ContentText())!["metadata"]!["resolution"]!;
        Assert.Contains(decision["pinned"]!.AsArray(), p => Text(p!["ref"]) == "agent/alice@2");
        Assert.Equal(("candidate", subject, RolloutBuckets.Of(salt, subject)), (Text(recorded["variant"]), Text(recorded["subject"]), recorded["bucket"]!.GetValue<int>()));
    }
}
