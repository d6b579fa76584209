namespace Verso.Agents.Organization;

/// <summary>What a budget policy limits.</summary>
public enum BudgetScope
{
    /// <summary>The whole company.</summary>
    Company,

    /// <summary>One department (the policy's target).</summary>
    Department,

    /// <summary>One agent (the policy's target).</summary>
    Agent,
}
