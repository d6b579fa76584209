using System.Text.Json.Nodes;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Errors;

namespace Verso.Agents.Tests.Schemas;

// The sample's nodes are start, plan, implement, review, test, end (indexes 0–5); its edges e1–e7 (0–6).
public sealed class WorkflowValidationTests
{
    [Fact]
    public void AnEdgeToAMissingNodeIsReportedAtItsTarget()
    {
        Problems.Single(Validate(w => w["edges"]![2]!["target"] = "deploy"), "/edges/2/target", "node 'deploy', which does not exist");
    }

    [Fact]
    public void AnEdgeFromAMissingNodeIsReportedAtItsSource()
    {
        Problems.Single(Validate(w => w["edges"]![1]!["source"] = "design"), "/edges/1/source", "node 'design', which does not exist");
    }

    [Fact]
    public void TwoNodesWithTheSameIdAreReportedAtTheSecond()
    {
        var problems = Validate(w => w["nodes"]!.AsArray().Add(JsonNode.Parse("""{"id":"review","type":"task"}""")));

        Problems.Single(problems, "/nodes/6/id", "duplicate id 'review': item 3 already has it");
    }

    [Fact]
    public void TwoEdgesWithTheSameIdAreReportedAtTheSecond()
    {
        Problems.Single(Validate(w => w["edges"]![3]!["id"] = "e1"), "/edges/3/id", "duplicate id 'e1'");
    }

    [Fact]
    public void ASelfLoopIsReported()
    {
        Problems.Single(Validate(w => w["edges"]![4]!["target"] = "review"), "/edges/4/target", "loops from node 'review' to itself");
    }

    [Fact]
    public void ASecondStartNodeIsReportedAtItsType()
    {
        var problems = Validate(w => w["nodes"]![1]!["type"] = "start");

        // The edge start → plan now enters a start node, which is a problem of its own.
        Problems.AtPaths(problems, "/nodes/1/type", "/edges/0/target");
        Assert.Contains(problems, p => p.Message.Contains("exactly one start node; node 'plan' is another after 'start'", StringComparison.Ordinal));
    }

    [Fact]
    public void AWorkflowWithoutAnEndNodeIsReported()
    {
        Problems.Single(Validate(w => w["nodes"]![5]!["type"] = "task"), "/nodes", "exactly one end node and has none");
    }

    [Fact]
    public void AnEdgeIntoTheStartNodeIsReported()
    {
        Problems.Single(Validate(w => w["edges"]![6]!["target"] = "start"), "/edges/6/target", "enters the start node");
    }

    [Fact]
    public void AnEdgeOutOfTheEndNodeIsReported()
    {
        Problems.Single(Validate(w => w["edges"]![0]!["source"] = "end"), "/edges/0/source", "leaves the end node");
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("v1.2.0")]
    [InlineData("latest")]
    public void AVersionThatIsNotSemverIsReported(string version)
    {
        Problems.Single(Validate(w => w["version"] = version), "/version", "semantic version");
    }

    [Theory]
    [InlineData("/nodes/2/type", "\"robot\"", "is not one of")]
    [InlineData("/edges/3/type", "\"maybe\"", "is not one of")]
    [InlineData("/workflow_type", "\"waterfall\"", "is not one of")]
    [InlineData("/nodes/1/x", "\"left\"", "expected a number")]
    [InlineData("/is_subworkflow", "\"no\"", "expected true or false")]
    [InlineData("/revision", "-1", "must be at least 0")]
    [InlineData("/created_at", "\"2026-01-20T10:00:00+01:00\"", "UTC timestamp")]
    [InlineData("/nodes/1/owner", "\"maya\"", "unknown field")]
    [InlineData("/inputs/0/format", "\"text\"", "unknown field")]
    public void AFieldOutOfItsRuleIsReportedAtItsPath(string path, string json, string words)
    {
        var segments = path.Split('/')[1..];
        var problems = Validate(w =>
        {
            JsonNode parent = w;
            foreach (var segment in segments[..^1])
            {
                parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
            }

            parent[segments[^1]] = JsonNode.Parse(json);
        });

        Problems.Single(problems, path, words);
    }

    [Fact]
    public void ANodeConfigIsAnOpenObject()
    {
        Assert.Empty(Validate(w => w["nodes"]![2]!["config"]!["retry"] = JsonNode.Parse("""{"attempts":3,"backoff":[1,5,30]}""")));
    }

    [Fact]
    public void NodesAndEdgesAreRequired()
    {
        Problems.AtPaths(Validate(w => { w.Remove("nodes"); w.Remove("edges"); }), "/nodes", "/edges");
    }

    [Fact]
    public void EveryProblemOfAWorkflowIsReportedTogether()
    {
        var problems = Validate(w =>
        {
            w["nodes"]![1]!["type"] = "start";
            w["edges"]![3]!["id"] = "e1";
            w["edges"]![2]!["target"] = "deploy";
            w["edges"]![4]!["target"] = "review";
            w["version"] = "2";
        });

        Problems.AtPaths(problems, "/nodes/1/type", "/edges/0/target", "/edges/3/id", "/edges/2/target", "/edges/4/target", "/version");
    }

    private static IReadOnlyList<RecordProblem> Validate(Action<JsonObject> change) =>
        AgentKinds.Workflow.Validator!.Validate(SampleFiles.With("workflow", "feature-delivery", change));
}
