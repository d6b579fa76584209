using System.Collections.Immutable;

namespace Verso.Agents.Identity;

/// <summary>Where an agent sits in the chain of command and what it may approve; every member is optional.</summary>
public sealed record Authority
{
    /// <summary>Optional. The id of the agent this one reports to; never the agent itself.</summary>
    public string? ReportsTo { get; init; }

    /// <summary>Optional. The ids of the agents that report to this one; a set.</summary>
    public ImmutableList<string>? DirectReports { get; init; }

    /// <summary>Optional. What the agent may approve, e.g. <c>pull_request</c>; a set.</summary>
    public ImmutableList<string>? CanApprove { get; init; }

    /// <summary>Optional. The ids of the agents it may hand work to; a set.</summary>
    public ImmutableList<string>? CanDelegateTo { get; init; }

    /// <summary>Optional. The most it may spend without escalating, in the budget's currency; 0 or more.</summary>
    public double? BudgetLimit { get; init; }
}
