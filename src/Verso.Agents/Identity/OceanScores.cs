namespace Verso.Agents.Identity;

/// <summary>Big Five (OCEAN) personality scores, each required and between 0 and 1.</summary>
public sealed record OceanScores
{
    /// <summary>Required. Openness to experience, 0–1.</summary>
    public required double Openness { get; init; }

    /// <summary>Required. Conscientiousness, 0–1.</summary>
    public required double Conscientiousness { get; init; }

    /// <summary>Required. Extraversion, 0–1.</summary>
    public required double Extraversion { get; init; }

    /// <summary>Required. Agreeableness, 0–1.</summary>
    public required double Agreeableness { get; init; }

    /// <summary>Required. Neuroticism, 0–1.</summary>
    public required double Neuroticism { get; init; }
}
