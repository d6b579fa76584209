using System.Collections.Immutable;

namespace Verso.Documents.Diff;

/// <summary>One hunk of a line diff: a run of changed lines with a little context around them.</summary>
/// <param name="OldStart">The first left-hand line of the hunk, counted from 1.</param>
/// <param name="OldLength">How many left-hand lines the hunk covers.</param>
/// <param name="NewStart">The first right-hand line of the hunk, counted from 1.</param>
/// <param name="NewLength">How many right-hand lines the hunk covers.</param>
/// <param name="Lines">The hunk's lines: context, removed and added.</param>
public sealed record TextHunk(int OldStart, int OldLength, int NewStart, int NewLength, ImmutableArray<DiffLine> Lines);
