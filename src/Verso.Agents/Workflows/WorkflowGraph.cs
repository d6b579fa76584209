using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

// One side of a workflow diff: its nodes and edges by id, in document order, and the names people know them by.
internal sealed class WorkflowGraph
{
    private WorkflowGraph(JsonObject? root, ItemsById nodes, ItemsById edges)
    {
        Root = root;
        Nodes = nodes;
        Edges = edges;
    }

    public JsonObject? Root { get; }

    public ItemsById Nodes { get; }

    public ItemsById Edges { get; }

    public static WorkflowGraph Of(JsonNode? workflow)
    {
        var root = workflow as JsonObject;
        return new WorkflowGraph(root, ItemsById.Of(root, "nodes"), ItemsById.Of(root, "edges"));
    }

    // `"Review" (review)`, or just the id when the node has no label.
    public static string NodeName(string id, JsonObject? node) =>
        node is not null && WorkflowJson.StringOf(node, "label") is { Length: > 0 } label ? $"{WorkflowJson.Quote(label)} ({id})" : id;

    // How an edge endpoint reads: the node's label when this side has such a node, otherwise its id.
    public string Endpoint(JsonObject edge, string end)
    {
        var id = WorkflowJson.StringOf(edge, end);
        if (id is null)
        {
            return WorkflowJson.Show(WorkflowJson.Member(edge, end));
        }

        return Nodes.Find(id) is { } node && WorkflowJson.StringOf(node, "label") is { Length: > 0 } label ? WorkflowJson.Quote(label) : id;
    }

    // `"Plan" → "Implement"`.
    public string Connection(JsonObject edge) => $"{Endpoint(edge, "source")} → {Endpoint(edge, "target")}";

    // Items of one array keyed by id. Items without an id are skipped and a repeated id keeps its first
    // item: the workflow validator rejects both before a version is saved.
    internal sealed class ItemsById
    {
        private readonly Dictionary<string, JsonObject> _byId = new(StringComparer.Ordinal);

        private ItemsById()
        {
        }

        public List<(string Id, JsonObject Item)> InOrder { get; } = [];

        public static ItemsById Of(JsonObject? root, string member)
        {
            var items = new ItemsById();
            if (root is not null && WorkflowJson.Member(root, member) is JsonArray array)
            {
                foreach (var item in array.OfType<JsonObject>())
                {
                    if (WorkflowJson.IdOf(item) is { } id && items._byId.TryAdd(id, item))
                    {
                        items.InOrder.Add((id, item));
                    }
                }
            }

            return items;
        }

        public JsonObject? Find(string id) => _byId.GetValueOrDefault(id);
    }
}
