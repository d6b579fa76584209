using System.Collections.Immutable;
using Verso.Agents.Identity;

namespace Verso.Agents.Organization;

/// <summary>
/// What each access level allows (kind <c>tool-policy</c>). Required: <see cref="Id"/>,
/// <see cref="Name"/>, <see cref="AccessLevels"/>.
/// </summary>
public sealed record ToolPolicy
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. The level of an agent whose record names none; one of <see cref="AccessLevels"/>.</summary>
    public AccessLevel? DefaultAccessLevel { get; init; }

    /// <summary>Required. One entry per access level; keyed by level.</summary>
    public required ImmutableList<ToolTier> AccessLevels { get; init; }

    /// <summary>Optional. MCP tools defined inline, names unique; compat judges their schemas by direction.</summary>
    public ImmutableList<Tools.McpTool>? Definitions { get; init; }

    /// <summary>Optional. The <c>tool</c> versions the policy governs, as <c>tool/ID@N</c>; a set.</summary>
    public ImmutableList<string>? Uses { get; init; }
}
