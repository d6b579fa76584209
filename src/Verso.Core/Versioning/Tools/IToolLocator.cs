using System.Text.Json.Nodes;

namespace Verso.Versioning.Tools;

/// <summary>Where a kind's records declare MCP tools, so a comparison can judge their schemas by direction.</summary>
public interface IToolLocator
{
    /// <summary>
    /// RFC 6901 pointers of the fields that hold the tools: a difference at or under one is judged by
    /// <see cref="ToolComparison"/>, not counted as a behaviour change by itself.
    /// </summary>
    IReadOnlyList<string> Pointers { get; }

    /// <summary>The tools <paramref name="record"/> declares, inline or by reference; none when it declares none.</summary>
    IReadOnlyList<ToolSite> ToolsIn(JsonNode? record);
}
