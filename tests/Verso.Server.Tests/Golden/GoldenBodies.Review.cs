using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Server.Security;
using Verso.Testing.Support;

namespace Verso.Server.Tests.Golden;

// Review and rollout: change requests, decisions, resolve and rollouts, recorded before they moved onto the contracts.
public abstract partial class GoldenBodies
{
    [Fact]
    public async Task ChangeRequestAnswersAreUnchanged()
    {
        var (_, token) = await new TokenStore(_factory!.Store).AddAsync("bob", ApiRole.Writer, [], false, "golden");
        using var bob = _factory.CreateClient();
        bob.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":1,"text":"one\ntwo"}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests", """{"kind":"doc","id":"golden","record":{"a":2,"text":"one\nthree","é":"ü"},"message":"bump"}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests", """{"kind":"doc","id":"fresh","record":{"z":null}}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests", """{"kind":"doc","id":"golden"}""");
        await SendAsync(log, HttpMethod.Get, "/change-requests");
        await SendAsync(log, HttpMethod.Get, "/change-requests?status=open&kind=doc&id=golden");
        await SendAsync(log, HttpMethod.Get, "/change-requests?id=golden");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-1");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-1/diff");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-1/diff?against=head");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-1/diff?against=side");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-1", """{"record":{"a":3},"message":"again"}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-1/reviews", """{"verdict":"comment","message":"hm"}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-1/reviews", """{"verdict":"maybe"}""");
        await SendAsync(bob, log, HttpMethod.Post, "/change-requests/cr-1/reviews", """{"verdict":"approve","message":"fine"}""");
        await SendAsync(log, HttpMethod.Put, "/entities/doc/golden?saved_by=ann", """{"a":1,"b":1,"text":"one\ntwo"}""");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-1");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-1/apply");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-1/apply");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-2/withdraw", """{"message":"not needed"}""");
        await SendAsync(log, HttpMethod.Post, "/change-requests/cr-9/withdraw");
        await SendAsync(log, HttpMethod.Get, "/change-requests/cr-9");
        await CompareAsync("change-requests", log);
    }

    [Fact]
    public async Task RolloutAndDecisionAnswersAreUnchanged()
    {
        var log = new StringBuilder();
        await SendAsync(log, HttpMethod.Put, "/entities/agent/alice?saved_by=ops", Encoding.UTF8.GetString(SampleOrganization.Bytes("agent", "alice")));
        await SendAsync(log, HttpMethod.Put, "/entities/agent/maya?saved_by=ops", Encoding.UTF8.GetString(SampleOrganization.Bytes("agent", "maya")));
        var edited = SampleOrganization.Node("agent", "alice");
        edited["charter"] = "Ask before deleting anything.";
        await SendAsync(log, HttpMethod.Put, "/entities/agent/alice?saved_by=ops", edited.ToJsonString());
        await SendAsync(log, HttpMethod.Put, "/entities/agent/alice/tags/production", """{"version":1}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/resolve");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/production", """{"candidate":2,"weight":2500,"steps":[2500,5000],"bucket_by":"user_id","advance_on":"ci","reason":"try"}""");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/production", """{"candidate":2}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/resolve?label=production");
        await SendAsync(log, HttpMethod.Put, "/entities/agent/alice/rollouts/production/weight", """{"weight":0,"reason":"hold","saved_by":"ann"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/resolve?label=production&subject=tenant-1");
        var now = Naming.Timestamp.Format(DateTimeOffset.UtcNow);
        await SendAsync(log, HttpMethod.Post, "/decisions", $$$"""
            {"task":"task-1","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{{now}}}",
             "reason":"tests pass","criteria":["coverage"],"resolution":{"label":"production","rollout_version":2}}
            """);
        await SendAsync(log, HttpMethod.Post, "/decisions", $$$"""
            {"task":"task-1","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{{now}}}",
             "reason":"tests pass","criteria":["coverage"],"resolution":{"label":"production","rollout_version":2}}
            """);
        await SendAsync(log, HttpMethod.Post, "/decisions", $$"""{"task":"task-2","executor":"alice","reviewer":"maya","decision":"escalated","executed_at":"{{now}}"}""");
        await SendAsync(log, HttpMethod.Post, "/decisions", $$"""{"task":"task-3","executor":"alice","reviewer":"alice","decision":"approved","executed_at":"{{now}}"}""");
        await SendAsync(log, HttpMethod.Post, "/decisions", $$"""{"task":"task-3","executor":"alice","reviewer":"maya","decision":"maybe","executed_at":"{{now}}"}""");
        await SendAsync(log, HttpMethod.Post, "/decisions", $$"""{"task":"task-3","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{now}}","criteria":[1]}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts/production/report");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/production/advance");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts/production");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/production/abort", "{}");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/production/promote", """{"reason":"all good"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts/production/history");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts/staging");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts/staging/history");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/staging", """{"candidate":2,"control":1,"weight":500}""");
        await SendAsync(log, HttpMethod.Post, "/entities/agent/alice/rollouts/staging/abort", """{"reason":"no"}""");
        await SendAsync(log, HttpMethod.Get, "/entities/agent/alice/rollouts");
        await CompareAsync("rollouts-decisions", Salted(log));
    }

    // A rollout's salt is random, and so is the bucket a subject falls in; nothing else may differ.
    private static StringBuilder Salted(StringBuilder log)
    {
        var text = Regex.Replace(log.ToString(), "\"salt\":\"[^\"]*\"", "\"salt\":\"<salt>\"");
        text = Regex.Replace(text, "\"bucket\":\\d+", "\"bucket\":0");
        // A decision's content holds when it ran and was recorded, so its hash differs by run too.
        return new StringBuilder(Regex.Replace(text, "(\"ref\":\"decision/[^\"]*\",\"hash\":\")sha256:[0-9a-f]+", "$1<hash>"));
    }

    private Task SendAsync(HttpClient client, StringBuilder log, HttpMethod method, string path, string? json = null)
    {
        var saved = _client;
        _client = client;
        return SendRestoringAsync(saved, log, method, path, json);
    }

    private async Task SendRestoringAsync(HttpClient saved, StringBuilder log, HttpMethod method, string path, string? json)
    {
        try
        {
            await SendAsync(log, method, path, json);
        }
        finally
        {
            _client = saved;
        }
    }
}
