using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>One hunk of a line diff of prose, as in a unified diff.</summary>
public sealed record TextHunk
{
    /// <summary>The first line of the hunk in the old text, from 1.</summary>
    [JsonPropertyName("old_start")]
    public required int OldStart { get; init; }

    /// <summary>How many old lines the hunk covers.</summary>
    [JsonPropertyName("old_length")]
    public required int OldLength { get; init; }

    /// <summary>The first line of the hunk in the new text, from 1.</summary>
    [JsonPropertyName("new_start")]
    public required int NewStart { get; init; }

    /// <summary>How many new lines the hunk covers.</summary>
    [JsonPropertyName("new_length")]
    public required int NewLength { get; init; }

    /// <summary>Each line prefixed with " ", "-" or "+".</summary>
    [JsonPropertyName("lines")]
    public required IReadOnlyList<string> Lines { get; init; }
}
