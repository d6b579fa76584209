using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Server.Tests.Support;

namespace Verso.Server.Tests.Mcp;

public abstract partial class McpContract
{
    [Fact]
    public async Task TheAgentSessionResolvesPinsProposesAndSeesTheAppliedVersion()
    {
        await using var agent = await ConnectAsync(AgentToken);

        // The task starts: alice's charter is resolved once and its pin kept.
        var first = await CallAsync(agent, "resolve", """{"ref":"agent/alice"}""");
        Assert.Equal("agent/alice@1", Text(first["pin"]!["ref"]));
        Assert.Equal(Text(first["hash"]), Text(first["pin"]!["hash"]));
        Assert.Null(first["bucket"]);

        var decision = await CallAsync(agent, "record_decision", $$"""
            {"task":"task-1","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"{{Text(first["resolved_at"])}}",
             "pins":[{"ref":"agent/alice@1","hash":"{{Text(first["hash"])}}"}],"reason":"tests cover it","criteria":["tests"]}
            """);
        Assert.Equal("decision/task-1@1", Text(decision["ref"]));
        Assert.Contains(decision["pinned"]!.AsArray(), p => Text(p!["ref"]) == "agent/alice@1" && Text(p["hash"]) == Text(first["hash"]));

        var charter = Text(first["content"]!["charter"]) + "- Flag changes to secrets handling.\n";
        var proposal = await CallAsync(agent, "propose_change", $$"""
            {"kind":"agent","id":"alice","message":"flag secrets changes","patch":[{"op":"replace","path":"/charter","value":{{JsonValue.Create(charter).ToJsonString()}}}]}
            """);
        var cr = Text(proposal["change_request"]!["id"]);
        Assert.Equal("open", Text(proposal["change_request"]!["status"]));
        Assert.Equal("agent-alice", Text(proposal["change_request"]!["author"]!["name"]));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("agent", "alice")));

        // A person approves and applies it on the REST API.
        using var person = Host.CreateClient();
        person.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken);
        (await person.PostAsync($"/api/v1/change-requests/{cr}/reviews", Api.Body("""{"verdict":"approve","message":"good rule"}"""))).EnsureSuccessStatusCode();
        var applied = await Api.ReadAsync(await person.PostAsync($"/api/v1/change-requests/{cr}/apply", Api.Body("{}")));
        Assert.Equal("agent/alice@2", Text(applied["ref"]));

        // The agent's next task sees the new version; the old version's referrers list the decision.
        var second = await CallAsync(agent, "resolve", """{"kind":"agent","id":"alice"}""");
        Assert.Equal("agent/alice@2", Text(second["ref"]));
        Assert.Equal(charter, Text(second["content"]!["charter"]));
        var status = await CallAsync(agent, "change_request", $$"""{"cr":"{{cr}}"}""");
        Assert.Equal("applied", Text(status["request"]!["status"]));
        Assert.Equal(2, status["request"]!["applied_version"]!.GetValue<int>());
        var referrers = await Api.ReadAsync(await person.GetAsync("/api/v1/entities/agent/alice/referrers?version=1"));
        Assert.Contains(referrers["referred_by"]!.AsArray(), r => Text(r) == "decision/task-1@1");
        var compat = await CallAsync(agent, "compat", """{"a":"agent/alice@1","b":"agent/alice@2"}""");
        Assert.Equal("breaking", Text(compat["verdict"]));
    }

    [Fact]
    public async Task EveryWriteIsAuditedAsVersionsOfTheTokensAuditRecord()
    {
        await using var agent = await ConnectAsync(AgentToken);
        var first = await CallAsync(agent, "resolve", """{"ref":"agent/alice"}""");
        var arguments = $$"""{"task":"task-2","executor":"alice","reviewer":"ravi","decision":"rejected","started_at":"{{Text(first["resolved_at"])}}"}""";

        var decision = await CallAsync(agent, "record_decision", arguments);
        await FailAsync(agent, "record_decision", """{"task":"task-3","executor":"alice","reviewer":"alice","decision":"approved","started_at":"2026-01-01T00:00:00Z"}""");

        Assert.Equal("verso-mcp-audit/agent-alice@1", Text(decision["audit"]));
        var audit = EntityKey.Create("verso-mcp-audit", "agent-alice");
        var ok = JsonNode.Parse((await Store.GetVersionAsync(audit, 1))!.Content.Span)!;
        Assert.Equal("record_decision", Text(ok["tool"]));
        Assert.Equal("agent-alice", Text(ok["token"]));
        Assert.Equal("writer", Text(ok["role"]));
        Assert.Equal("decision/task-2@1", Text(ok["produced"]));
        Assert.Equal(Documents.Canonical.CanonicalJson.CreateDocument(System.Text.Encoding.UTF8.GetBytes(arguments)).Hash.ToString(), Text(ok["arguments_sha256"]));
        // The audit entry pins what it produced, so it is one of that version's referrers.
        Assert.Contains(await Store.FindReferrersAsync(EntityKey.Create("decision", "task-2"), 1), r => r.Key == audit);
        var refused = JsonNode.Parse((await Store.GetVersionAsync(audit, 2))!.Content.Span)!;
        Assert.Equal("refused", Text(refused["outcome"]));
        Assert.Equal("urn:verso:problem:invalid-record", Text(refused["problem"]));
        Assert.Equal("agent-alice", (await Store.GetVersionAsync(audit, 2))!.SavedBy);

        // Arguments the schema refuses are audited too, named by their hash.
        var unknown = """{"task":"task-5","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"2026-01-01T00:00:00Z","apply":true}""";
        await FailAsync(agent, "record_decision", unknown);
        var third = JsonNode.Parse((await Store.GetVersionAsync(audit, 3))!.Content.Span)!;
        Assert.Equal("urn:verso:problem:invalid-parameter", Text(third["problem"]));
        Assert.Equal(Documents.Canonical.CanonicalJson.CreateDocument(System.Text.Encoding.UTF8.GetBytes(unknown)).Hash.ToString(), Text(third["arguments_sha256"]));
    }

    [Fact]
    public async Task ADecisionIsRefusedWhenAPinWasNotInForceWhenTheTaskStarted()
    {
        await using var agent = await ConnectAsync(AgentToken);
        var first = await CallAsync(agent, "resolve", """{"ref":"agent/alice"}""");
        var hash = Text(first["hash"]);

        // The task claims to have started before alice@1 was saved.
        var early = await FailAsync(agent, "record_decision", $$"""
            {"task":"task-4","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"2020-01-01T00:00:00Z","pins":[{"ref":"agent/alice@1","hash":"{{hash}}"}]}
            """);
        Assert.Equal("urn:verso:problem:refused", Text(early["type"]));
        Assert.Equal("pin_not_in_force", Text(early["rule"]));

        var wrongHash = await FailAsync(agent, "record_decision", $$"""
            {"task":"task-4","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"{{Text(first["resolved_at"])}}","pins":[{"ref":"agent/alice@1","hash":"sha256:{{new string('0', 64)}}"}]}
            """);
        Assert.Equal("pin_hash_mismatch", Text(wrongHash["rule"]));

        var stranger = await FailAsync(agent, "record_decision", $$"""
            {"task":"task-4","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"{{Text(first["resolved_at"])}}","pins":[{"ref":"agent/sam@1","hash":"{{hash}}"}]}
            """);
        Assert.Equal("urn:verso:problem:not-found", Text(stranger["type"]));
        Assert.Equal(0, await Store.CountVersionsAsync(EntityKey.Create("decision", "task-4")));
    }
}
