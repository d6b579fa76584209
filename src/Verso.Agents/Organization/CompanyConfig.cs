using System.Collections.Immutable;

namespace Verso.Agents.Organization;

/// <summary>
/// The company (kind <c>company</c>): its departments, autonomy defaults and how output quality is
/// scored. Required: <see cref="Id"/>, <see cref="Name"/>.
/// </summary>
public sealed record CompanyConfig
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The display name.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. What the company is for, in a sentence or two.</summary>
    public string? Mission { get; init; }

    /// <summary>Optional. The departments; keyed by id.</summary>
    public ImmutableList<Department>? Departments { get; init; }

    /// <summary>Optional. The autonomy an agent gets when its own record does not say.</summary>
    public AutonomyDefaults? AutonomyDefaults { get; init; }

    /// <summary>Optional. Criterion → weight, each 0–1, summing to 1.</summary>
    public ImmutableDictionary<string, double>? QualityScoringWeights { get; init; }
}
