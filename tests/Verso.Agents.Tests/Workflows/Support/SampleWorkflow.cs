using System.Text.Json.Nodes;

namespace Verso.Agents.Tests.Workflows.Support;

/// <summary>A small delivery workflow to edit in the diff tests: start → plan → implement → review → end.</summary>
internal static class SampleWorkflow
{
    private const string Json = """
        {
          "id": "feature-delivery",
          "name": "Feature delivery",
          "description": "From a ticket to a reviewed change",
          "workflow_type": "sequential",
          "version": "1.0.0",
          "inputs": ["ticket"],
          "outputs": ["pull_request"],
          "is_subworkflow": false,
          "nodes": [
            {"id": "start", "type": "start", "label": "Start", "x": 0, "y": 0, "config": {}},
            {"id": "plan", "type": "task", "label": "Plan", "x": 100, "y": 0, "config": {"agent": "alice"}},
            {"id": "implement", "type": "task", "label": "Implement", "x": 200, "y": 0, "config": {"agent": "bob", "timeout_minutes": 60}},
            {"id": "review", "type": "task", "label": "Review", "x": 300, "y": 0, "config": {"agent": "carol"}},
            {"id": "end", "type": "end", "label": "End", "x": 400, "y": 0, "config": {}}
          ],
          "edges": [
            {"id": "e1", "source": "start", "target": "plan", "type": "default"},
            {"id": "e2", "source": "plan", "target": "implement", "type": "default"},
            {"id": "e3", "source": "implement", "target": "review", "type": "default"},
            {"id": "e4", "source": "review", "target": "end", "type": "conditional", "label": "approved"}
          ],
          "created_by": "dana",
          "created_at": "2026-01-05T09:00:00Z"
        }
        """;

    public static JsonObject Create() => JsonNode.Parse(Json)!.AsObject();

    /// <summary>A fresh copy of the sample with <paramref name="edit"/> applied.</summary>
    public static JsonObject Edited(Action<JsonObject> edit)
    {
        var workflow = Create();
        edit(workflow);
        return workflow;
    }

    public static JsonObject Node(this JsonObject workflow, string id) => Item(workflow, "nodes", id);

    public static JsonObject Edge(this JsonObject workflow, string id) => Item(workflow, "edges", id);

    public static JsonArray Nodes(this JsonObject workflow) => workflow["nodes"]!.AsArray();

    public static JsonArray Edges(this JsonObject workflow) => workflow["edges"]!.AsArray();

    private static JsonObject Item(JsonObject workflow, string array, string id) =>
        workflow[array]!.AsArray().Select(n => n!.AsObject()).Single(n => (string?)n["id"] == id);
}
