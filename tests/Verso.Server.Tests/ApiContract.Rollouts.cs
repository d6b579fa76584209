using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

// Rollouts through the API: start, resolve, advance, promote, abort, the checks that guard them, and decisions made under them.
public abstract partial class ApiContract
{
    [Fact]
    public async Task ARolloutStartsResolvesEachSubjectToItsBucketsVariantAdvancesAndIsPromoted()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");
        var path = $"/api/v1/entities/doc/{id}";
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync($"{path}/tags/production", Body("""{"version":1}"""))).StatusCode);

        var started = await Client.PostAsync($"{path}/rollouts/production", Body("""{"candidate":2,"weight":2500,"steps":[2500,5000,10000],"bucket_by":"user_id","saved_by":"ops"}"""));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var rollout = await ReadAsync(started);
        var salt = Text(rollout["salt"]);
        Assert.Equal(("active", 1, 1, 7_500, "user_id"), (Text(rollout["state"]), Number(rollout["version"]), Number(rollout["control"]), Number(rollout["control_weight"]), Text(rollout["bucket_by"])));
        Assert.Equal(2_500, Number(rollout["candidates"]![0]!["weight"]));

        foreach (var subject in Enumerable.Range(0, 60).Select(n => string.Create(CultureInfo.InvariantCulture, $"user {n}/é")))
        {
            var resolved = await ReadAsync(await Client.GetAsync($"{path}/resolve?label=production&subject={Uri.EscapeDataString(subject)}"));
            var bucket = RolloutBuckets.Of(salt, subject);
            var served = bucket < 2_500 ? 2 : 1;
            Assert.Equal((bucket, served, 1, subject), (Number(resolved["bucket"]), Number(resolved["version"]), Number(resolved["rollout_version"]), Text(resolved["subject"])));
            Assert.Equal(served == 2 ? "candidate" : "control", Text(resolved["variant"]));
            Assert.Equal((await Store.GetVersionAsync(EntityKey.Create("doc", id), served))!.Hash.ToString(), Text(resolved["hash"]));
        }

        var anonymous = await ReadAsync(await Client.GetAsync($"{path}/resolve?label=production"));
        Assert.Equal((1, "control"), (Number(anonymous["version"]), Text(anonymous["variant"])));
        Assert.Null(anonymous["bucket"]);
        Assert.Equal((2, "head"), (Number((await ReadAsync(await Client.GetAsync($"{path}/resolve")))["version"]), Text((await ReadAsync(await Client.GetAsync($"{path}/resolve")))["variant"])));

        var advanced = await ReadAsync(await Client.PostAsync($"{path}/rollouts/production/advance", null));
        Assert.Equal((2, 5_000), (Number(advanced["version"]), Number(advanced["candidates"]![0]!["weight"])));
        var set = await ReadAsync(await Client.PutAsync($"{path}/rollouts/production/weight", Body("""{"weight":6000,"reason":"looks good"}""")));
        Assert.Equal((6_000, "looks good"), (Number(set["candidates"]![0]!["weight"]), Text(set["reason"])));
        var status = await ReadAsync(await Client.GetAsync($"{path}/rollouts/production"));
        Assert.Equal((3, salt), (Number(status["version"]), Text(status["salt"])));

        var promoted = await ReadAsync(await Client.PostAsync($"{path}/rollouts/production/promote", Body("""{"reason":"all good"}""")));
        Assert.Equal(("promoted", 2), (Text(promoted["state"]), Number(promoted["control"])));
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"{path}/tags")))["production"]));
        var history = await ReadAsync(await Client.GetAsync($"{path}/rollouts/production/history"));
        Assert.Equal(["promoted", "active", "active", "active"], history["items"]!.AsArray().Select(r => Text(r!["state"])));
        await ProblemAsync(await Client.PostAsync($"{path}/rollouts/production/advance", null), 404);
    }

    [Fact]
    public async Task BadRolloutsAre422AndASecondStartIs409WithNothingWritten()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");
        var path = $"/api/v1/entities/doc/{id}";
        await Client.PutAsync($"{path}/tags/production", Body("""{"version":1}"""));
        var start = $"{path}/rollouts/production";

        Assert.Equal("urn:verso:problem:invalid-rollout", Text((await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":2,"weight":10001}""")), 422))["type"]));
        await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":1,"weight":500}""")), 422);
        await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":2,"weight":500,"steps":[5000,500]}""")), 422);
        await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":2,"weight":500,"steps":"fast"}""")), 400);
        await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":2}""")), 400);
        await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":9,"weight":500}""")), 404);
        await ProblemAsync(await Client.GetAsync(start), 404);
        Assert.Null(await Store.GetLatestAsync(RolloutService.KeyOf(EntityKey.Create("doc", id), "production")));

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync(start, Body("""{"candidate":2,"weight":500}"""))).StatusCode);
        var again = await ProblemAsync(await Client.PostAsync(start, Body("""{"candidate":2,"weight":900}""")), 409);
        Assert.Equal("urn:verso:problem:rollout-conflict", Text(again["type"]));
        await ProblemAsync(await Client.PostAsync($"{start}/abort", Body("{}")), 400);
        await ProblemAsync(await Client.GetAsync($"{path}/resolve?label=production&subject={new string('x', 1025)}"), 400);
        Assert.Equal(1, Number((await ReadAsync(await Client.GetAsync(start)))["version"]));
    }

    [Fact]
    public async Task AFailingCheckOnTheCandidateAbortsTheRolloutAndEverySubjectGetsTheControl()
    {
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""");
        var path = $"/api/v1/entities/doc/{id}";
        await Client.PutAsync($"{path}/tags/production", Body("""{"version":1}"""));
        await Client.PostAsync($"{path}/rollouts/production", Body("""{"candidate":2,"weight":10000}"""));
        Assert.Equal(2, Number((await ReadAsync(await Client.GetAsync($"{path}/resolve?label=production&subject=u1")))["version"]));

        Assert.Equal(HttpStatusCode.Created, (await Client.PostAsync($"{path}/versions/2/checks", Body("""{"name":"evals","result":"fail","message":"regressed"}"""))).StatusCode);

        var status = await ReadAsync(await Client.GetAsync($"{path}/rollouts/production"));
        Assert.Equal("aborted", Text(status["state"]));
        Assert.Contains("check evals failed", Text(status["reason"]), StringComparison.Ordinal);
        var resolved = await ReadAsync(await Client.GetAsync($"{path}/resolve?label=production&subject=u1"));
        Assert.Equal((1, "tag"), (Number(resolved["version"]), Text(resolved["variant"])));
    }

    [Fact]
    public async Task DecisionsRecordTheVariantTheyRanUnderAndTheReportCountsThemByOutcome()
    {
        var alice = SampleOrganization.Bytes("agent", "alice");
        Assert.Equal(HttpStatusCode.Created, (await Client.PutAsync("/api/v1/entities/agent/alice?saved_by=ops", Body(alice))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Client.PutAsync("/api/v1/entities/agent/maya?saved_by=ops", Body(SampleOrganization.Bytes("agent", "maya")))).StatusCode);
        var edited = JsonNode.Parse(alice)!.AsObject();
        edited["charter"] = Text(edited["charter"]) + "\n\nAsk before deleting anything.";
        Assert.Equal(HttpStatusCode.Created, (await Client.PutAsync("/api/v1/entities/agent/alice?saved_by=ops", Body(edited.ToJsonString()))).StatusCode);
        await Client.PutAsync("/api/v1/entities/agent/alice/tags/production", Body("""{"version":1}"""));
        var rollout = await ReadAsync(await Client.PostAsync("/api/v1/entities/agent/alice/rollouts/production", Body("""{"candidate":2,"weight":5000}""")));
        var salt = Text(rollout["salt"]);
        var subjects = Enumerable.Range(0, 40).Select(n => $"tenant-{n}").ToList();
        var onCandidate = subjects.Where(s => RolloutBuckets.Of(salt, s) < 5_000).Take(3).ToList();
        var onControl = subjects.Where(s => RolloutBuckets.Of(salt, s) >= 5_000).Take(2).ToList();

        async Task<JsonNode> DecideAsync(string subject, string outcome, string extra = "")
        {
            var response = await Client.PostAsync("/api/v1/decisions", Body($$"""
                {"task":"{{Some.Id("task")}}","executor":"alice","reviewer":"maya","decision":"{{outcome}}","executed_at":"{{Timestamp.Format(DateTimeOffset.UtcNow)}}",
                 "resolution":{"label":"production","subject":"{{subject}}","rollout_version":1}{{extra}}}
                """));
            return response.StatusCode == HttpStatusCode.Created ? await ReadAsync(response) : await ProblemAsync(response, 422);
        }

        var first = await DecideAsync(onCandidate[0], "approved");
        await DecideAsync(onCandidate[1], "rejected");
        await DecideAsync(onCandidate[2], "approved");
        await DecideAsync(onControl[0], "approved");
        await DecideAsync(onControl[1], "escalated");
        // A pin that is not what the rollout served the subject is refused.
        var wrong = await DecideAsync(onControl[0], "approved", ",\"executor_ref\":\"agent/alice@2\"");

        Assert.StartsWith("agent/alice@2 ", Text(first["pinned_charters"]![0]), StringComparison.Ordinal);
        Assert.Contains(wrong["problems"]!.AsArray(), p => Text(p!["path"]) == "/resolution");
        var stored = await ReadAsync(await Client.GetAsync($"/api/v1/entities/decision/{Text(first["ref"]).Split('/', '@')[1]}"));
        var resolution = stored["content"]!["metadata"]!["resolution"]!;
        Assert.Equal(("production", onCandidate[0], RolloutBuckets.Of(salt, onCandidate[0]), 1, "candidate"),
            (Text(resolution["label"]), Text(resolution["subject"]), Number(resolution["bucket"]), Number(resolution["rollout_version"]), Text(resolution["variant"])));

        var report = await ReadAsync(await Client.GetAsync("/api/v1/entities/agent/alice/rollouts/production/report"));
        var variants = report["variants"]!.AsArray();
        Assert.Equal([(1, "control", 2), (2, "candidate", 3)], variants.Select(v => (Number(v!["version"]), Text(v["variant"]), Number(v["decisions"]))));
        Assert.Equal("""{"approved":1,"escalated":1}""", Canon(variants[0]!["outcomes"]));
        Assert.Equal("""{"approved":2,"rejected":1}""", Canon(variants[1]!["outcomes"]));
    }
}
