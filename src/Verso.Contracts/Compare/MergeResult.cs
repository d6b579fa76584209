using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>
/// A three-way merge: clean with the merged record (and, when it was saved, the version), or not clean with
/// the conflicts (the CLI's answer; the API answers a conflict with a 409 problem instead).
/// </summary>
public sealed record MergeResult
{
    /// <summary>Whether the two edits combined without a conflict.</summary>
    [JsonPropertyName("clean")]
    public required bool Clean { get; init; }

    /// <summary>The merged record, canonical; absent when not clean.</summary>
    [JsonPropertyName("merged")]
    public RawJson? Merged { get; init; }

    /// <summary>The conflicts; absent when clean.</summary>
    [JsonPropertyName("conflicts")]
    public IReadOnlyList<MergeConflict>? Conflicts { get; init; }

    /// <summary>created or unchanged, when the merge was saved.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The version saved (or the head it equals), as a ref, when the merge was saved.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    /// <summary>Its content hash, when the merge was saved.</summary>
    [JsonPropertyName("hash")]
    public string? Hash { get; init; }
}
