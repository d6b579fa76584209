using System.Collections.Immutable;

namespace Verso.Agents.Organization;

/// <summary>
/// The spending limits (kind <c>budget</c>). Required: <see cref="Id"/>, <see cref="Policies"/>.
/// </summary>
public sealed record BudgetConfig
{
    /// <summary>Required. The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>Optional. The display name.</summary>
    public string? Name { get; init; }

    /// <summary>Optional. Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Optional. The ISO 4217 currency of every amount, e.g. <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>Required. The limits; keyed by id.</summary>
    public required ImmutableList<BudgetPolicy> Policies { get; init; }
}
