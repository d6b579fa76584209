using System.Text.Json.Nodes;
using Verso.Agents.Tests.Workflows.Support;
using Verso.Agents.Workflows;

namespace Verso.Agents.Tests.Workflows;

/// <summary>Changes to the workflow's own fields, and the one-line summary of a whole diff.</summary>
public sealed class WorkflowDiffMetadataTests
{
    [Theory]
    [InlineData("name", "\"Feature release\"", "name changed from \"Feature delivery\" to \"Feature release\"")]
    [InlineData("description", "\"From a ticket to a merged change\"", "description changed from \"From a ticket to a reviewed change\" to \"From a ticket to a merged change\"")]
    [InlineData("workflow_type", "\"parallel\"", "workflow_type changed from \"sequential\" to \"parallel\"")]
    [InlineData("version", "\"1.1.0\"", "version changed from \"1.0.0\" to \"1.1.0\"")]
    [InlineData("inputs", "[\"ticket\",\"repository\"]", "inputs changed")]
    [InlineData("outputs", "[]", "outputs changed")]
    [InlineData("is_subworkflow", "true", "is_subworkflow changed from false to true")]
    public void EachWorkflowFieldIsReportedByName(string field, string value, string description)
    {
        var right = SampleWorkflow.Edited(w => w[field] = JsonNode.Parse(value));

        var changes = WorkflowDiff.Compute(SampleWorkflow.Create(), right);

        var change = Assert.Single(changes.Metadata);
        Assert.Equal((field, description), (change.Field, change.Description));
        Assert.Empty(changes.Nodes);
        Assert.Empty(changes.Edges);
        Assert.Equal($"{field} changed", changes.Summary);
    }

    [Fact]
    public void AFieldAddedOrRemovedIsAChangeFromOrToNone()
    {
        var right = SampleWorkflow.Edited(w => w.Remove("workflow_type"));

        Assert.Equal("workflow_type changed from \"sequential\" to (none)", Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Metadata).Description);
    }

    [Fact]
    public void OtherTopLevelFieldsComeAfterTheWorkflowsOwnByName()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w["created_by"] = "erin";
            w["owner"] = "platform-team";
            w["version"] = "2.0.0";
        });

        Assert.Equal(["version", "created_by", "owner"], WorkflowDiff.Compute(SampleWorkflow.Create(), right).Metadata.Select(m => m.Field));
    }

    [Fact]
    public void TheSummaryCountsEachKindWithPluralsThenNamesTheChangedFields()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Nodes().Add(new JsonObject { ["id"] = "test", ["type"] = "task", ["label"] = "Run tests", ["x"] = 250, ["y"] = 100 });
            w.Nodes().Add(new JsonObject { ["id"] = "lint", ["type"] = "task", ["label"] = "Lint", ["x"] = 250, ["y"] = -100 });
            w.Node("review")["label"] = "Code review";
            w.Edge("e3")["target"] = "test";
            w.Edge("e4")["source"] = "test";
            w.Edges().Remove(w.Edge("e1"));
            w["inputs"] = new JsonArray("ticket", "repository");
            w["version"] = "1.1.0";
        });

        var changes = WorkflowDiff.Compute(SampleWorkflow.Create(), right);

        Assert.Equal("2 nodes added, 1 node relabelled, 1 edge removed, 2 edges reconnected; version, inputs changed", changes.Summary);
        Assert.Equal(
            [
                "node \"Run tests\" (test) added",
                "node \"Lint\" (lint) added",
                "node \"Review\" (review) label changed to \"Code review\"",
                "edge \"Start\" → \"Plan\" (e1) removed",
                "edge \"Implement\" → \"Review\" (e3) reconnected to \"Implement\" → \"Run tests\"",
                "edge \"Review\" → \"End\" (e4) reconnected to \"Run tests\" → \"End\"",
                "version changed from \"1.0.0\" to \"1.1.0\"",
                "inputs changed",
            ],
            changes.Descriptions);
    }

    [Fact]
    public void AWorkflowCreatedFromNothingIsAllAdditions()
    {
        var changes = WorkflowDiff.Compute(null, SampleWorkflow.Create());

        Assert.StartsWith("5 nodes added, 4 edges added; name, description, workflow_type, version, inputs, outputs, is_subworkflow, ", changes.Summary, StringComparison.Ordinal);
    }
}
