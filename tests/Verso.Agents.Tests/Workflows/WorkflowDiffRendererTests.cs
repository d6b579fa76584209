using System.Text.Json.Nodes;
using Verso.Agents.Tests.Workflows.Support;
using Verso.Agents.Workflows;
using Verso.Documents.Diff;
using Verso.Documents.Diff.Rendering;
using Verso.Model.Kinds;

namespace Verso.Agents.Tests.Workflows;

/// <summary>The workflow renderer: a summary header, then one line per change in the workflow's own words.</summary>
public sealed class WorkflowDiffRendererTests
{
    [Fact]
    public void EachChangeHasOneLineWithItsStyleAfterTheSummary()
    {
        var left = SampleWorkflow.Create();
        var right = SampleWorkflow.Edited(w =>
        {
            w.Nodes().Add(new JsonObject { ["id"] = "test", ["type"] = "task", ["label"] = "Run tests", ["x"] = 250, ["y"] = 100 });
            w.Nodes().Remove(w.Node("start"));
            w.Edges().Remove(w.Edge("e1"));
            w.Node("review")["x"] = 360;
            w.Node("review")["y"] = 80;
            w.Node("plan")["config"]!["agent"] = "erin";
            w.Edge("e2")["type"] = "conditional";
            w["is_subworkflow"] = true;
        });

        var lines = WorkflowDiffRenderer.Instance.Render(left, right, JsonDiff.Compute(left, right));

        Assert.Equal(
            [
                (DiffLineStyle.Header, "1 node added, 1 node removed, 1 node moved, 1 node reconfigured, 1 edge removed, 1 edge retyped; is_subworkflow changed"),
                (DiffLineStyle.Added, "+ node \"Run tests\" (test) added"),
                (DiffLineStyle.Removed, "- node \"Start\" (start) removed"),
                (DiffLineStyle.Moved, "↷ node \"Review\" (review) moved from (300, 0) to (360, 80)"),
                (DiffLineStyle.Modified, "~ node \"Plan\" (plan) config changed at /agent"),
                (DiffLineStyle.Removed, "- edge \"Start\" → \"Plan\" (e1) removed"),
                (DiffLineStyle.Modified, "~ edge \"Plan\" → \"Implement\" (e2) type changed from \"default\" to \"conditional\""),
                (DiffLineStyle.Modified, "~ is_subworkflow changed from false to true"),
            ],
            lines.Select(l => (l.Style, l.Text)));
    }

    [Fact]
    public void TheGivenChangeListIsIgnoredInFavourOfTheWorkflowDiff()
    {
        var right = SampleWorkflow.Edited(w => w.Edge("e3")["target"] = "end");

        var lines = WorkflowDiffRenderer.Instance.Render(SampleWorkflow.Create(), right, []);

        Assert.Equal(["1 edge reconnected", "~ edge \"Implement\" → \"Review\" (e3) reconnected to \"Implement\" → \"End\""], lines.Select(l => l.Text));
    }

    [Fact]
    public void NoChangesIsOneHeaderLine()
    {
        var lines = WorkflowDiffRenderer.Instance.Render(SampleWorkflow.Create(), SampleWorkflow.Create(), []);

        Assert.Equal((DiffLineStyle.Header, "no changes"), (Assert.Single(lines).Style, lines[0].Text));
    }

    [Fact]
    public void TheThresholdOfTheRendererDecidesWhatMoved()
    {
        var right = SampleWorkflow.Edited(w => w.Node("end")["x"] = 410);

        Assert.Single(WorkflowDiffRenderer.Instance.Render(SampleWorkflow.Create(), right, []));
        Assert.Equal(2, new WorkflowDiffRenderer(moveThreshold: 5).Render(SampleWorkflow.Create(), right, []).Length);
    }

    [Fact]
    public void AValueThatIsNotAWorkflowIsRenderedGenerically()
    {
        JsonNode left = JsonValue.Create(1);
        JsonNode right = JsonValue.Create(2);

        var lines = WorkflowDiffRenderer.Instance.Render(left, right, JsonDiff.Compute(left, right));

        Assert.Equal(DefaultDiffRenderer.Instance.Render(left, right, JsonDiff.Compute(left, right)).AsEnumerable(), lines.AsEnumerable());
    }

    [Fact]
    public void AKindPlugsItInAsItsDiffRenderer()
    {
        var kind = new EntityKind("workflow") { DiffRenderer = WorkflowDiffRenderer.Instance };
        var right = SampleWorkflow.Edited(w => w["version"] = "1.0.1");

        var lines = kind.DiffRenderer.Render(SampleWorkflow.Create(), right, []);

        Assert.Equal("~ version changed from \"1.0.0\" to \"1.0.1\"", lines[^1].Text);
    }
}
