using System.Text.Json.Nodes;
using Verso.Agents.Tests.Workflows.Support;
using Verso.Agents.Workflows;

namespace Verso.Agents.Tests.Workflows;

/// <summary>Node changes: matched by id, named by label, moves only beyond the threshold.</summary>
public sealed class WorkflowDiffNodeTests
{
    [Fact]
    public void TheSameWorkflowHasNoChanges()
    {
        var changes = WorkflowDiff.Compute(SampleWorkflow.Create(), SampleWorkflow.Create());

        Assert.True(changes.IsEmpty);
        Assert.Equal("no changes", changes.Summary);
    }

    [Fact]
    public void ReorderingNodesAndEdgesIsNoChangeBecauseTheyAreMatchedById()
    {
        var reordered = SampleWorkflow.Edited(w =>
        {
            var review = w.Node("review");
            w.Nodes().Remove(review);
            w.Nodes().Insert(0, review);
            var first = w.Edge("e1");
            w.Edges().Remove(first);
            w.Edges().Add(first);
        });

        Assert.True(WorkflowDiff.Compute(SampleWorkflow.Create(), reordered).IsEmpty);
    }

    [Fact]
    public void AnAddedNodeIsNamedByItsLabelAndId()
    {
        var right = SampleWorkflow.Edited(w => w.Nodes().Add(new JsonObject { ["id"] = "test", ["type"] = "task", ["label"] = "Run tests", ["x"] = 250, ["y"] = 100 }));

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal((NodeChangeKind.Added, "test", "Run tests"), (change.Kind, change.Id, change.Label));
        Assert.Equal("node \"Run tests\" (test) added", change.Description);
    }

    [Fact]
    public void ARemovedNodeIsNamedByItsOldLabel()
    {
        var right = SampleWorkflow.Edited(w => w.Nodes().Remove(w.Node("review")));

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal(NodeChangeKind.Removed, change.Kind);
        Assert.Equal("node \"Review\" (review) removed", change.Description);
    }

    [Fact]
    public void ANodeMovedFartherThanTheThresholdIsMoved()
    {
        var right = SampleWorkflow.Edited(w => w.Node("review")["y"] = 120);

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal(NodeChangeKind.Moved, change.Kind);
        Assert.Equal("node \"Review\" (review) moved from (300, 0) to (300, 120)", change.Description);
        Assert.Equal("""{"x":300,"y":120}""", change.New!.ToJsonString());
    }

    [Fact]
    public void ANodeNudgedWithinTheThresholdHasNotMoved()
    {
        // 30 across and 20 down is 36 units: less than the default 40.
        var right = SampleWorkflow.Edited(w =>
        {
            w.Node("review")["x"] = 330;
            w.Node("review")["y"] = 20;
        });

        Assert.True(WorkflowDiff.Compute(SampleWorkflow.Create(), right).IsEmpty);
    }

    [Fact]
    public void TheThresholdIsTheEuclideanDistanceAndCanBeChosen()
    {
        // 3-4-5: exactly 5 units away is not farther than 5, but farther than 4.
        var right = SampleWorkflow.Edited(w =>
        {
            w.Node("plan")["x"] = 103;
            w.Node("plan")["y"] = 4;
        });

        Assert.True(WorkflowDiff.Compute(SampleWorkflow.Create(), right, moveThreshold: 5).IsEmpty);
        Assert.Equal(NodeChangeKind.Moved, Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right, moveThreshold: 4).Nodes).Kind);
    }

    [Fact]
    public void ALabelChangeNamesTheNodeAsItWasKnown()
    {
        var right = SampleWorkflow.Edited(w => w.Node("review")["label"] = "Code review");

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal(NodeChangeKind.LabelChanged, change.Kind);
        Assert.Equal("node \"Review\" (review) label changed to \"Code review\"", change.Description);
        Assert.Equal(("Review", "Code review"), ((string?)change.Old, (string?)change.New));
    }

    [Fact]
    public void ATypeChangeShowsBothTypes()
    {
        var right = SampleWorkflow.Edited(w => w.Node("review")["type"] = "approval");

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal(NodeChangeKind.TypeChanged, change.Kind);
        Assert.Equal("node \"Review\" (review) type changed from \"task\" to \"approval\"", change.Description);
    }

    [Fact]
    public void AConfigChangeSaysWhereInTheConfig()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Node("implement")["config"]!["timeout_minutes"] = 90;
            w.Node("implement")["config"]!["retries"] = 2;
        });

        var change = Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes);

        Assert.Equal(NodeChangeKind.ConfigChanged, change.Kind);
        Assert.Equal("node \"Implement\" (implement) config changed at /timeout_minutes, /retries", change.Description);
    }

    [Fact]
    public void ConfigsAreComparedInCanonicalForm()
    {
        var right = SampleWorkflow.Edited(w => w.Node("implement")["config"] = JsonNode.Parse("""{"timeout_minutes":60.0,"agent":"bob"}"""));

        Assert.True(WorkflowDiff.Compute(SampleWorkflow.Create(), right).IsEmpty);
    }

    [Fact]
    public void ANodeWithoutALabelIsNamedByItsId()
    {
        var right = SampleWorkflow.Edited(w => w.Nodes().Add(new JsonObject { ["id"] = "gate", ["type"] = "task" }));

        Assert.Equal("node gate added", Assert.Single(WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes).Description);
    }

    [Fact]
    public void SeveralChangesToOneNodeAreReportedSeparatelyInKindOrder()
    {
        var right = SampleWorkflow.Edited(w =>
        {
            w.Node("plan")["config"] = new JsonObject { ["agent"] = "erin" };
            w.Node("plan")["label"] = "Design";
            w.Node("plan")["x"] = 500;
        });

        var kinds = WorkflowDiff.Compute(SampleWorkflow.Create(), right).Nodes.Select(c => c.Kind);

        Assert.Equal([NodeChangeKind.Moved, NodeChangeKind.LabelChanged, NodeChangeKind.ConfigChanged], kinds);
    }

    [Fact]
    public void ANegativeThresholdIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkflowDiff.Compute(null, null, -1));
    }
}
