using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Agents.Identity;

/// <summary>Which tools an agent may use; every member is optional.</summary>
public sealed record ToolAccess
{
    /// <summary>Optional. The tier of the tool policy that applies.</summary>
    public AccessLevel? AccessLevel { get; init; }

    /// <summary>Optional. Tools allowed beyond the tier; a set.</summary>
    public ImmutableList<string>? Allowed { get; init; }

    /// <summary>Optional. Tools denied even if the tier allows them; a set, disjoint from <see cref="Allowed"/>.</summary>
    public ImmutableList<string>? Denied { get; init; }

    /// <summary>
    /// Optional. Per-tool limits such as <c>{"git.push": {"branches": ["feature/*"]}}</c>; an open object,
    /// because each tool defines its own constraints.
    /// </summary>
    public ImmutableDictionary<string, JsonElement>? SubConstraints { get; init; }

    /// <summary>Optional. MCP tools defined inline, names unique; compat judges their schemas by direction.</summary>
    public ImmutableList<Tools.McpTool>? Definitions { get; init; }

    /// <summary>Optional. The <c>tool</c> versions used, as <c>tool/ID@N</c>; a set.</summary>
    public ImmutableList<string>? Uses { get; init; }
}
