using System.Collections.Immutable;

namespace Verso.Agents.Roles;

/// <summary>
/// A role of the catalog (kind <c>role</c>) that agents are hired into. Required: <see cref="Id"/>,
/// <see cref="Name"/>; everything else may be left out.
/// </summary>
public sealed record RoleDefinition
{
    /// <summary>Required. The entity id, e.g. <c>code-reviewer</c>; agents name their role by it.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. The department the role belongs to.</summary>
    public string? Department { get; init; }

    /// <summary>Optional. The ids of the skills the role needs; a set.</summary>
    public ImmutableList<string>? Skills { get; init; }

    /// <summary>Optional. The system prompt every agent of the role starts from, with <c>{{placeholders}}</c>.</summary>
    public string? SystemPromptTemplate { get; init; }
}
