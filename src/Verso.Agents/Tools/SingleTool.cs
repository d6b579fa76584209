using System.Text.Json.Nodes;
using Verso.Documents.Pointers;
using Verso.Versioning.Tools;

namespace Verso.Agents.Tools;

// A tool record is one tool: two versions are paired whatever their names, so a rename is a change of it.
internal sealed class SingleTool : IToolLocator
{
    public static SingleTool Instance { get; } = new();

    public IReadOnlyList<string> Pointers { get; } =
        ["/name", "/title", "/description", "/inputSchema", "/outputSchema", "/annotations", "/icons", "/_meta"];

    public IReadOnlyList<ToolSite> ToolsIn(JsonNode? record) =>
        record is null ? [] : [new ToolSite(JsonPointer.Root, record, null, Key: "tool")];
}
