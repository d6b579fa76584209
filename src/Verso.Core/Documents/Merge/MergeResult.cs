using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Documents.Merge;

/// <summary>The outcome of a three-way JSON merge.</summary>
/// <param name="Merged">
/// The merged value. At the path of every conflict it holds the base value (or no member or item at all
/// when the base had none there), so nothing either side wanted is chosen silently: it is a
/// resolution only when <see cref="IsClean"/> is true.
/// </param>
/// <param name="Conflicts">The places both sides changed differently, in document order.</param>
public sealed record MergeResult(JsonNode? Merged, ImmutableArray<MergeConflict> Conflicts)
{
    /// <summary>Whether the merge has no conflicts, so <see cref="Merged"/> is the full resolution.</summary>
    public bool IsClean => Conflicts.IsEmpty;
}
