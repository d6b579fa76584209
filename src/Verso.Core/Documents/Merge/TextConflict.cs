namespace Verso.Documents.Merge;

/// <summary>
/// A region of a three-way text merge that both sides changed differently. Texts include their line
/// breaks exactly as the inputs had them.
/// </summary>
/// <param name="Base">The lines of the base text the region covers.</param>
/// <param name="Ours">The lines of our text that replace them.</param>
/// <param name="Theirs">The lines of their text that replace them.</param>
/// <param name="Merged">Where the region sits in the merged text, which holds the base lines there.</param>
/// <param name="BaseText">The base lines of the region.</param>
/// <param name="OursText">Our lines of the region.</param>
/// <param name="TheirsText">Their lines of the region.</param>
public sealed record TextConflict(
    LineRange Base,
    LineRange Ours,
    LineRange Theirs,
    LineRange Merged,
    string BaseText,
    string OursText,
    string TheirsText);
