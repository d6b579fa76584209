using System.Text.Json.Nodes;

namespace Verso.Documents.Merge;

/// <summary>
/// A place that both sides of a merge changed differently. The values are copies, independent of the
/// inputs and of <see cref="MergeResult.Merged"/>; a null value is either JSON null or an absent one,
/// which <see cref="InBase"/>, <see cref="InOurs"/> and <see cref="InTheirs"/> tell apart.
/// </summary>
/// <param name="Path">
/// The RFC 6901 pointer of the place in <see cref="MergeResult.Merged"/>; an item of an array merged by
/// identity key is addressed by its index in the merged array.
/// </param>
/// <param name="Base">The common ancestor's value.</param>
/// <param name="Ours">Our value.</param>
/// <param name="Theirs">Their value.</param>
public sealed record MergeConflict(string Path, JsonNode? Base, JsonNode? Ours, JsonNode? Theirs)
{
    /// <summary>Whether the base has a value here (false: the place is new on both sides).</summary>
    public bool InBase { get; init; } = true;

    /// <summary>Whether our side has a value here (false: we deleted it).</summary>
    public bool InOurs { get; init; } = true;

    /// <summary>Whether their side has a value here (false: they deleted it).</summary>
    public bool InTheirs { get; init; } = true;

    /// <summary>
    /// For a multi-line string both sides edited in overlapping lines: the line merge, with every
    /// non-overlapping edit applied and the conflicting line regions; null for any other conflict.
    /// </summary>
    public TextMergeResult? Text { get; init; }
}
