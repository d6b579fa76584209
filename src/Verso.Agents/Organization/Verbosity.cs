namespace Verso.Agents.Organization;

/// <summary>How long responses should be.</summary>
public enum Verbosity
{
    /// <summary>As short as correctness allows.</summary>
    Concise,

    /// <summary>Enough context to act on.</summary>
    Balanced,

    /// <summary>Thorough, with reasoning shown.</summary>
    Detailed,
}
