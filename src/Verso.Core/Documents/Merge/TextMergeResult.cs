using System.Collections.Immutable;

namespace Verso.Documents.Merge;

/// <summary>The outcome of a three-way line merge.</summary>
/// <param name="Merged">
/// The merged text: every change that only one side made, every change both sides made alike, and the
/// base lines wherever the sides disagree (see <paramref name="Conflicts"/>). It never contains
/// conflict markers, so it is always a text the caller can store, but it is only a resolution when
/// <see cref="IsClean"/> is true.
/// </param>
/// <param name="Conflicts">The regions both sides changed differently, in text order.</param>
public sealed record TextMergeResult(string Merged, ImmutableArray<TextConflict> Conflicts)
{
    /// <summary>Whether the sides never disagreed, so <see cref="Merged"/> is the full resolution.</summary>
    public bool IsClean => Conflicts.IsEmpty;
}
