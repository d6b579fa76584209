using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>One line of prose in a blame, with the version that last changed it.</summary>
public sealed record BlameLine
{
    /// <summary>The line's number, from 1.</summary>
    [JsonPropertyName("number")]
    public required int Number { get; init; }

    /// <summary>The line's text.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>The version that last changed the line.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>Who saved that version.</summary>
    [JsonPropertyName("saved_by")]
    public required string SavedBy { get; init; }

    /// <summary>When that version was saved, UTC.</summary>
    [JsonPropertyName("saved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }
}
