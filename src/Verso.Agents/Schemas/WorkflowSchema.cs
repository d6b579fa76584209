using System.Text.Json;
using Verso.Agents.Validation;
using Verso.Agents.Workflows;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and graph invariants of a <c>workflow</c> record.</summary>
internal static class WorkflowSchema
{
    private static readonly ValueSpec Port = Object(new ObjectShape(
        Required("name", NonBlankString()),
        Optional("type", String()),
        Optional("required", Boolean()),
        Optional("description", String())));

    private static readonly ValueSpec Node = Object(new ObjectShape(
        Required("id", NonBlankString()),
        Required("type", EnumOf<NodeType>()),
        Optional("label", String()),
        Optional("x", Number()),
        Optional("y", Number()),
        Optional("config", OpenObject())));

    private static readonly ValueSpec Edge = Object(new ObjectShape(
        Required("id", NonBlankString()),
        Required("source", NonBlankString()),
        Required("target", NonBlankString()),
        Optional("type", EnumOf<EdgeType>()),
        Optional("label", String())));

    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Optional("workflow_type", EnumOf<WorkflowType>()),
        Optional("version", String(StringFormat.SemVer)),
        Optional("inputs", ArrayOf(Port)),
        Optional("outputs", ArrayOf(Port)),
        Optional("is_subworkflow", Boolean()),
        Required("nodes", ArrayOf(Node)),
        Required("edges", ArrayOf(Edge)),
        Optional("created_by", String()),
        Optional("created_at", String(StringFormat.UtcTimestamp)),
        Optional("updated_at", String(StringFormat.UtcTimestamp)),
        Optional("revision", Integer().AtLeast(0)));

    public static RecordValidator Validator { get; } = new(
        Shape,
        Invariants.UniqueKeys("id", "nodes"),
        Invariants.UniqueKeys("id", "edges"),
        Invariants.UniqueKeys("name", "inputs"),
        Invariants.UniqueKeys("name", "outputs"),
        EdgesJoinExistingNodes,
        record => ExactlyOne(record, "start"),
        record => ExactlyOne(record, "end"));

    private static IEnumerable<RecordProblem> EdgesJoinExistingNodes(JsonElement record)
    {
        var nodes = JsonRead.Items(record, ["nodes"])
            .Select(n => (Id: JsonRead.String(n.Item, "id"), Type: JsonRead.String(n.Item, "type")))
            .Where(n => n.Id is not null)
            .GroupBy(n => n.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        foreach (var (index, edge) in JsonRead.Items(record, ["edges"]))
        {
            var id = JsonRead.String(edge, "id") ?? $"#{index}";
            var source = JsonRead.String(edge, "source");
            var target = JsonRead.String(edge, "target");
            var at = $"/edges/{index}";
            if (source is not null && !nodes.ContainsKey(source))
            {
                yield return new RecordProblem($"{at}/source", $"edge '{id}' leaves node '{source}', which does not exist");
            }

            if (target is not null && !nodes.ContainsKey(target))
            {
                yield return new RecordProblem($"{at}/target", $"edge '{id}' enters node '{target}', which does not exist");
            }

            if (source is not null && source == target)
            {
                yield return new RecordProblem($"{at}/target", $"edge '{id}' loops from node '{source}' to itself");
            }

            // A run begins at the start node and is over at the end node; an edge into one or out of the
            // other could never be taken as drawn.
            if (target is not null && nodes.GetValueOrDefault(target) == "start")
            {
                yield return new RecordProblem($"{at}/target", $"edge '{id}' enters the start node '{target}'");
            }

            if (source is not null && nodes.GetValueOrDefault(source) == "end")
            {
                yield return new RecordProblem($"{at}/source", $"edge '{id}' leaves the end node '{source}'");
            }
        }
    }

    private static IEnumerable<RecordProblem> ExactlyOne(JsonElement record, string type)
    {
        if (JsonRead.At(record, ["nodes"]) is not { ValueKind: JsonValueKind.Array })
        {
            yield break;
        }

        var matching = JsonRead.Items(record, ["nodes"]).Where(n => JsonRead.String(n.Item, "type") == type).ToList();
        if (matching.Count == 0)
        {
            yield return new RecordProblem("/nodes", $"a workflow needs exactly one {type} node and has none");
        }

        foreach (var (index, node) in matching.Skip(1))
        {
            var first = JsonRead.String(matching[0].Item, "id");
            yield return new RecordProblem(
                $"/nodes/{index}/type",
                $"a workflow needs exactly one {type} node; node '{JsonRead.String(node, "id")}' is another after '{first}'");
        }
    }
}
