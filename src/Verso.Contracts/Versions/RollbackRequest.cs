using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>A request to append a version with an earlier version's content.</summary>
public sealed record RollbackRequest
{
    /// <summary>The version whose content to restore, from 1.</summary>
    [JsonPropertyName("to")]
    public required int To { get; init; }

    /// <summary>Why; kept as the new version's message.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Fail with 409 unless the head is this version.</summary>
    [JsonPropertyName("expected_version")]
    public int? ExpectedVersion { get; init; }

    /// <summary>Who rolls back, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
