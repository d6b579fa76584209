using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>One leaf value in a blame, with the version that last changed it (and, for prose, each line's).</summary>
public sealed record BlameEntry
{
    /// <summary>The JSON pointer of the value.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>The value (JSON <c>null</c> when that is the value).</summary>
    [JsonPropertyName("value")]
    public required RawJson Value { get; init; }

    /// <summary>The version that last changed the value.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>Who saved that version.</summary>
    [JsonPropertyName("saved_by")]
    public required string SavedBy { get; init; }

    /// <summary>When that version was saved, UTC.</summary>
    [JsonPropertyName("saved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>For prose: each line with the version that last changed it; absent otherwise.</summary>
    [JsonPropertyName("lines")]
    public IReadOnlyList<BlameLine>? Lines { get; init; }
}
