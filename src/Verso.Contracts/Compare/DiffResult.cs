using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>What changed between two versions of an entity.</summary>
public sealed record DiffResult
{
    /// <summary>The older version, as a ref.</summary>
    [JsonPropertyName("from")]
    public required string From { get; init; }

    /// <summary>The newer version, as a ref.</summary>
    [JsonPropertyName("to")]
    public required string To { get; init; }

    /// <summary>The changes, in document order.</summary>
    [JsonPropertyName("changes")]
    public required IReadOnlyList<Change> Changes { get; init; }
}
