namespace Verso.Agents.Organization;

/// <summary>The period a budget limit resets after.</summary>
public enum BudgetPeriod
{
    /// <summary>A day.</summary>
    Daily,

    /// <summary>A week.</summary>
    Weekly,

    /// <summary>A calendar month.</summary>
    Monthly,

    /// <summary>A calendar quarter.</summary>
    Quarterly,

    /// <summary>A calendar year.</summary>
    Yearly,
}
