using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Documents.Diff;

/// <summary>The structural difference of two JSON values, as a list of changes at RFC 6901 paths.</summary>
/// <remarks>
/// <para>
/// Objects are compared member by member; a value whose JSON type changed is one
/// <see cref="ChangeKind.Modified"/>. Arrays are compared in one of three ways, chosen by the
/// <see cref="DiffRules"/> for the array's path:
/// </para>
/// <list type="bullet">
/// <item><description>keyed (<see cref="DiffRules.IdentityKeyFor"/>): items are paired by their key; an item
/// only on one side is added or removed, a paired item whose order relative to the other paired items
/// changed is <see cref="ChangeKind.Moved"/> (the fewest items that explain the new order: those outside
/// the longest common subsequence), and paired items are compared field by field. When an item is not
/// an object with the key, or a key repeats on one side, the array is compared as a sequence.</description></item>
/// <item><description>set (<see cref="DiffRules.IsSet"/>): the items are compared as a multiset of values; only
/// additions and removals are reported, never a reorder.</description></item>
/// <item><description>sequence (every other array): the longest common subsequence of the items; a removed
/// and an added item at the same place that are both objects or both arrays are compared inside, so an
/// edit in an item shows as a field change. When left length × right length exceeds
/// <see cref="DiffRules.MaxArrayDiffCost"/>, the whole array is one <see cref="ChangeKind.Modified"/>.</description></item>
/// </list>
/// <para>
/// Numbers, booleans and nulls are compared by their canonical (RFC 8785) text, so <c>1.0</c> equals
/// <c>1</c>. Strings with a line break on either side carry a line diff in <see cref="JsonChange.Lines"/>
/// when <see cref="DiffRules.DiffMultilineText"/> is set (see <see cref="TextDiffer"/>).
/// </para>
/// <para>
/// Changes come in document order of the right value, each removal where the removed value was.
/// Paths name containers as they are in the right value; a removed member is named by its parent's
/// right-hand path, a removed array item and a move's <see cref="JsonChange.From"/> by the array's
/// right-hand path and the item's left-hand index. The changes describe; to turn one value into the
/// other, use <see cref="JsonPatchBuilder"/>, whose paths account for shifting indices.
/// </para>
/// <para>The values in the changes are copies: the inputs are never modified or shared.</para>
/// </remarks>
public static class JsonDiff
{
    /// <summary>Computes the changes that turn <paramref name="left"/> into <paramref name="right"/>.</summary>
    /// <param name="left">The old value (null is a JSON null).</param>
    /// <param name="right">The new value (null is a JSON null).</param>
    /// <param name="rules">How arrays and strings are compared; <see cref="DiffRules.Default"/> when null.</param>
    /// <param name="budget">The work the array and line diffs may do, and the token that stops them; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>The changes in document order; empty when the values are equal.</returns>
    /// <exception cref="Verso.Errors.CanonicalJsonException">A value has no canonical form (e.g. a lone surrogate in a string).</exception>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static ImmutableArray<JsonChange> Compute(JsonNode? left, JsonNode? right, DiffRules? rules = null, ComparisonBudget? budget = null) =>
        StructuralDiffer.Run(left, right, rules ?? DiffRules.Default, budget ?? new ComparisonBudget());
}
