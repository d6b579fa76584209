using System.Collections.Immutable;

namespace Verso.Agents.Identity;

/// <summary>How an agent behaves and communicates; every member is optional.</summary>
public sealed record Personality
{
    /// <summary>Optional. Short traits such as <c>meticulous</c>; a set, order does not matter.</summary>
    public ImmutableList<string>? Traits { get; init; }

    /// <summary>Optional. Free text, e.g. <c>direct, cites line numbers</c>.</summary>
    public string? CommunicationStyle { get; init; }

    /// <summary>Optional. How readily the agent takes risks.</summary>
    public Intensity? RiskTolerance { get; init; }

    /// <summary>Optional. How far the agent strays from the obvious solution.</summary>
    public Intensity? Creativity { get; init; }

    /// <summary>Optional. Big Five scores.</summary>
    public OceanScores? Ocean { get; init; }
}
