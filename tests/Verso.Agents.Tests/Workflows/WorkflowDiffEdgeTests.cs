using System.Text.Json.Nodes;
using Verso.Agents.Tests.Workflows.Support;
using Verso.Agents.Workflows;

namespace Verso.Agents.Tests.Workflows;

/// <summary>Edge changes: matched by id and described by the labels of the nodes they connect.</summary>
public sealed class WorkflowDiffEdgeTests
{
    [Fact]
    public void AnAddedEdgeIsDescribedByTheLabelsOfItsEnds()
    {
        var right = SampleWorkflow.Edited(w => w.Edges().Add(new JsonObject { ["id"] = "e5", ["source"] = "review", ["target"] = "implement", ["type"] = "conditional" }));

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.Equal((EdgeChangeKind.Added, "e5"), (change.Kind, change.Id));
        Assert.Equal("edge \"Review\" → \"Implement\" (e5) added", change.Description);
    }

    [Fact]
    public void ARemovedEdgeIsDescribedByTheOldLabelsEvenWhenItsNodesAreGone()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Edges().Remove(w.Edge("e1"));
            w.Nodes().Remove(w.Node("start"));
        });

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.Equal(EdgeChangeKind.Removed, change.Kind);
        Assert.Equal("edge \"Start\" → \"Plan\" (e1) removed", change.Description);
    }

    [Fact]
    public void ANewSourceOrTargetIsAReconnection()
    {
        var right = SampleWorkflow.Edited(w => w.Edge("e3")["source"] = "plan");

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.Equal(EdgeChangeKind.Reconnected, change.Kind);
        Assert.Equal("edge \"Implement\" → \"Review\" (e3) reconnected to \"Plan\" → \"Review\"", change.Description);
    }

    [Fact]
    public void ATypeChangeShowsBothTypes()
    {
        var right = SampleWorkflow.Edited(w => w.Edge("e2")["type"] = "conditional");

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.Equal(EdgeChangeKind.TypeChanged, change.Kind);
        Assert.Equal("edge \"Plan\" → \"Implement\" (e2) type changed from \"default\" to \"conditional\"", change.Description);
    }

    [Fact]
    public void ALabelChangeShowsBothLabelsAndAMissingOneAsNone()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Edge("e4")["label"] = "approved twice";
            w.Edge("e3")["label"] = "ready";
        });

        var changes = WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges;

        Assert.All(changes, c => Assert.Equal(EdgeChangeKind.LabelChanged, c.Kind));
        Assert.Equal(
            [
                "edge \"Implement\" → \"Review\" (e3) label changed from (none) to \"ready\"",
                "edge \"Review\" → \"End\" (e4) label changed from \"approved\" to \"approved twice\"",
            ],
            changes.Select(c => c.Description));
    }

    [Fact]
    public void EdgesAreNamedByTheCurrentLabelsOfTheirNodes()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Node("review")["label"] = "Code review";
            w.Edge("e4")["type"] = "default";
        });

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.StartsWith("edge \"Code review\" → \"End\" (e4) type changed", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndWithoutANodeIsNamedByItsId()
    {
        var right = SampleWorkflow.Edited(w => w.Edge("e4")["target"] = "deploy");

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Edges);

        Assert.Equal("edge \"Review\" → \"End\" (e4) reconnected to \"Review\" → deploy", change.Description);
    }
}
