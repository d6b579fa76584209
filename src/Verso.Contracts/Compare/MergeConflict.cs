using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>
/// One place where two edits do not combine: the value on each side. A side where the value is absent has no
/// member, which tells it apart from a JSON <c>null</c>.
/// </summary>
public sealed record MergeConflict
{
    /// <summary>The JSON pointer of the conflict.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>The value in the base; absent when the base has none.</summary>
    [JsonPropertyName("base")]
    public RawJson? Base { get; init; }

    /// <summary>Our value; absent when our edit removed it.</summary>
    [JsonPropertyName("ours")]
    public RawJson? Ours { get; init; }

    /// <summary>Their value; absent when their edit removed it.</summary>
    [JsonPropertyName("theirs")]
    public RawJson? Theirs { get; init; }
}
