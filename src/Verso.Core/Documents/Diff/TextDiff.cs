using System.Collections.Immutable;

namespace Verso.Documents.Diff;

/// <summary>The line-by-line difference of two texts, as unified-diff hunks.</summary>
/// <param name="Hunks">The hunks, in order; empty when the texts are equal.</param>
public sealed record TextDiff(ImmutableArray<TextHunk> Hunks);
