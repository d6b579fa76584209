using System.Text.Json.Serialization;
using Verso.Contracts.Versions;

namespace Verso.Contracts.Import;

/// <summary>What an import did: how many versions it appended, how many were already there, and each outcome.</summary>
public sealed record ImportResult
{
    /// <summary>How many versions were appended.</summary>
    [JsonPropertyName("created")]
    public required int Created { get; init; }

    /// <summary>How many were already there with the same content, and skipped.</summary>
    [JsonPropertyName("unchanged")]
    public required int Unchanged { get; init; }

    /// <summary>Each version's outcome, in the order sent.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<AppendOutcomeInfo> Items { get; init; }
}
