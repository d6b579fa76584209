using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>One version that failed verification, and why.</summary>
public sealed record IntegrityProblem
{
    /// <summary>The version, as a ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>What is wrong with it.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }
}
