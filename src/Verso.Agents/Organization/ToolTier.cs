using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Identity;

namespace Verso.Agents.Organization;

/// <summary>What one access level allows. Required: <see cref="Level"/>.</summary>
public sealed record ToolTier
{
    /// <summary>Required. The level described; unique within the policy.</summary>
    public required AccessLevel Level { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. The tools the level allows; a set.</summary>
    public ImmutableList<string>? Allowed { get; init; }

    /// <summary>Optional. The tools the level denies; a set, disjoint from <see cref="Allowed"/>.</summary>
    public ImmutableList<string>? Denied { get; init; }

    /// <summary>Optional. Allowed tools that still need a human's approval per use; a set.</summary>
    public ImmutableList<string>? RequiresApproval { get; init; }

    /// <summary>Optional. Per-tool limits; an open object, because each tool defines its own constraints.</summary>
    public ImmutableDictionary<string, JsonElement>? SubConstraints { get; init; }
}
