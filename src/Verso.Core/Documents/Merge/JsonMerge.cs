using System.Text.Json.Nodes;
using Verso.Documents.Diff;

namespace Verso.Documents.Merge;

/// <summary>Three-way merge of JSON values: combines the changes two sides made to a common base.</summary>
/// <remarks>
/// <para>
/// Where the sides agree (both made the same change, or only one changed anything) the merge takes that
/// value. Where both changed the same place differently:
/// objects merge member by member; arrays the <see cref="DiffRules"/> key by identity merge item by item
/// (see below); arrays the rules declare sets become the base plus every item either side added, minus
/// every item either side removed; strings with a line break in any of the three versions merge line by
/// line (<see cref="TextMerge.Merge3"/>) unless <see cref="DiffRules.DiffMultilineText"/> is off;
/// anything else — scalars, type changes, other arrays, a deletion against a modification — is a
/// conflict. Values are compared by their RFC 8785 canonical form, so <c>1.0</c> equals <c>1</c>.
/// </para>
/// <para>
/// Keyed arrays: every item on every side must be an object carrying the key property, with no key
/// twice on one side; otherwise the array is treated as an unkeyed one (one conflict at its path). Items are matched by key and
/// merged pairwise (the path of an item is its index in the merged array). One side leads the order:
/// ours, unless only they changed the relative order of the items they share with the base. The merged
/// array is the leading side's items in its order; each item only the other side has (an addition, or
/// one the leading side deleted and the other changed, which is a conflict) goes after the nearest item
/// before it in the other side's array that the merge keeps (at the start when there is none) and after
/// any items of the leading side that directly follow that one and that the other side does not have,
/// so additions both sides made at one spot stay in two runs, the leading side's first. When both sides
/// reordered, ours wins without a conflict: the rules give the order of identified items no meaning, and
/// a conflict there would block merges of edits that are otherwise independent.
/// </para>
/// </remarks>
public static class JsonMerge
{
    /// <summary>Merges the changes from <paramref name="base"/> to <paramref name="ours"/> and to <paramref name="theirs"/>.</summary>
    /// <param name="base">The common ancestor.</param>
    /// <param name="ours">One side's value.</param>
    /// <param name="theirs">The other side's value.</param>
    /// <param name="rules">Which arrays are keyed or sets; <see cref="DiffRules.Default"/> when null.</param>
    /// <param name="budget">The work the line merges may do together, and the token that stops them; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>
    /// The merged value, built from copies (the inputs are never changed), and the conflicts; see
    /// <see cref="MergeResult.Merged"/> for what a conflicting place holds.
    /// </returns>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static MergeResult Merge(JsonNode? @base, JsonNode? ours, JsonNode? theirs, DiffRules? rules = null, ComparisonBudget? budget = null)
    {
        var merger = new ThreeWayMerger(rules ?? DiffRules.Default, budget ?? new ComparisonBudget());
        var merged = merger.Merge(@base, ours, theirs);
        return new MergeResult(merged, merger.Conflicts);
    }
}
