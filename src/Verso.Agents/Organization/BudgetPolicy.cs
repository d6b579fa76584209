namespace Verso.Agents.Organization;

/// <summary>
/// One spending limit. Required: <see cref="Id"/>, <see cref="Scope"/>, <see cref="Limit"/>,
/// <see cref="Period"/>; <see cref="Target"/> too unless the scope is the company.
/// </summary>
public sealed record BudgetPolicy
{
    /// <summary>Required. Unique within the budget.</summary>
    public required string Id { get; init; }

    /// <summary>Required. What the policy limits.</summary>
    public required BudgetScope Scope { get; init; }

    /// <summary>The department or agent id limited; required unless <see cref="Scope"/> is the company.</summary>
    public string? Target { get; init; }

    /// <summary>Required. The most that may be spent per period; 0 or more.</summary>
    public required double Limit { get; init; }

    /// <summary>Required. When the limit resets.</summary>
    public required BudgetPeriod Period { get; init; }

    /// <summary>Optional. The share of the limit (0–1) at which to alert.</summary>
    public double? AlertAt { get; init; }

    /// <summary>Optional. What happens at the limit.</summary>
    public OverspendAction? OnExceed { get; init; }
}
