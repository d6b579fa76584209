using System.Collections.Immutable;
using Verso.Agents.Identity;

namespace Verso.Agents.Organization;

/// <summary>The autonomy an agent gets when its own record does not say; every member is optional.</summary>
public sealed record AutonomyDefaults
{
    /// <summary>Optional. The company-wide default.</summary>
    public AutonomyLevel? DefaultLevel { get; init; }

    /// <summary>Optional. Department id → its default, overriding <see cref="DefaultLevel"/>.</summary>
    public ImmutableDictionary<string, AutonomyLevel>? ByDepartment { get; init; }
}
