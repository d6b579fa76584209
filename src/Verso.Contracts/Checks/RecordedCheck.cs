using System.Text.Json.Serialization;

namespace Verso.Contracts.Checks;

/// <summary>The answer to recording a check: the result, its place in the ledger, and what a failure did to tags.</summary>
public sealed record RecordedCheck
{
    /// <summary>The result recorded.</summary>
    [JsonPropertyName("check")]
    public required CheckInfo Check { get; init; }

    /// <summary>Its sequence number among the version's results.</summary>
    [JsonPropertyName("sequence")]
    public required long Sequence { get; init; }

    /// <summary>Tags moved back because a failed check's policy says so.</summary>
    [JsonPropertyName("tags_rolled_back")]
    public required IReadOnlyList<string> TagsRolledBack { get; init; }

    /// <summary>Tags whose policy says roll back but that had no earlier passing version, so they stay.</summary>
    [JsonPropertyName("tags_left")]
    public required IReadOnlyList<string> TagsLeft { get; init; }
}
