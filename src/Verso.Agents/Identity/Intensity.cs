namespace Verso.Agents.Identity;

/// <summary>A three-step scale used for risk tolerance and creativity.</summary>
public enum Intensity
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,
}
