using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>
/// One change between two versions of a record, at one JSON pointer. <c>old</c> is absent for an addition and
/// <c>new</c> for a removal; either is JSON <c>null</c> when that is the value.
/// </summary>
public sealed record Change
{
    /// <summary>The JSON pointer of the value that changed.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>added, removed, modified or moved.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>For a move: the old path.</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>The value before; absent for an addition.</summary>
    [JsonPropertyName("old")]
    public RawJson? Old { get; init; }

    /// <summary>The value after; absent for a removal.</summary>
    [JsonPropertyName("new")]
    public RawJson? New { get; init; }

    /// <summary>For a change of prose: the lines that changed, as unified-diff hunks.</summary>
    [JsonPropertyName("hunks")]
    public IReadOnlyList<TextHunk>? Hunks { get; init; }
}
