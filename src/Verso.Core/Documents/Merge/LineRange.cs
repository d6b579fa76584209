namespace Verso.Documents.Merge;

/// <summary>A run of consecutive lines in one text.</summary>
/// <param name="Start">
/// The number of the first line, counted from 1; for an empty range, the number the first line would
/// have if lines were inserted there.
/// </param>
/// <param name="Length">How many lines the range covers.</param>
public readonly record struct LineRange(int Start, int Length);
