using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>What a verification of the whole store found.</summary>
public sealed record IntegrityReport
{
    /// <summary>Whether nothing is wrong.</summary>
    [JsonPropertyName("intact")]
    public required bool Intact { get; init; }

    /// <summary>How many entities were checked.</summary>
    [JsonPropertyName("entities")]
    public required long Entities { get; init; }

    /// <summary>How many versions were checked.</summary>
    [JsonPropertyName("versions")]
    public required long Versions { get; init; }

    /// <summary>What the database itself reports (a damaged page, say), apart from the versions it names.</summary>
    [JsonPropertyName("storage_problems")]
    public required IReadOnlyList<string> StorageProblems { get; init; }

    /// <summary>Each version that failed, and why.</summary>
    [JsonPropertyName("problems")]
    public required IReadOnlyList<IntegrityProblem> Problems { get; init; }
}
