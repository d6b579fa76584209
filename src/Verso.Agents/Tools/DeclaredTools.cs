using System.Text.Json.Nodes;
using Verso.Naming;
using Verso.Documents.Pointers;
using Verso.Versioning.Tools;

namespace Verso.Agents.Tools;

// Tools a record declares under one object: "definitions", inline MCP Tool objects, and "uses", tool/ID@N
// references. An agent keeps them under /tools, a tool policy at its top.
internal sealed class DeclaredTools : IToolLocator
{
    private readonly string[] _at;

    public DeclaredTools(params string[] at)
    {
        _at = at;
        var root = at.Aggregate(JsonPointer.Root, JsonPointer.Append);
        Pointers = [JsonPointer.Append(root, "definitions"), JsonPointer.Append(root, "uses")];
    }

    public IReadOnlyList<string> Pointers { get; }

    public IReadOnlyList<ToolSite> ToolsIn(JsonNode? record)
    {
        var holder = _at.Aggregate(record, (node, member) => (node as JsonObject)?[member]) as JsonObject;
        var sites = new List<ToolSite>();
        if (holder?["definitions"] is JsonArray definitions)
        {
            sites.AddRange(definitions.Select((d, i) => new ToolSite(JsonPointer.Append(Pointers[0], i), d, null)));
        }

        if (holder?["uses"] is JsonArray uses)
        {
            foreach (var (use, i) in uses.Select((u, i) => (u, i)))
            {
                // Validated on save as tool/ID@N; the pointer stands in for the key until the tool is read.
                sites.Add(new ToolSite(JsonPointer.Append(Pointers[1], i), null, VersionRef.Parse(use!.GetValue<string>())));
            }
        }

        return sites;
    }
}
