using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Patch;

namespace Verso.Documents.Diff;

/// <summary>Builds an RFC 6902 JSON Patch that turns one JSON value into another.</summary>
/// <remarks>
/// <para>
/// Applying the operations in order, each to the result of the previous ones as RFC 6902 prescribes,
/// turns <c>left</c> into exactly <c>right</c>: same members, same array order. Paths are those of the
/// document as it is when the operation runs, so array indices account for earlier removals, moves
/// and additions.
/// </para>
/// <para>
/// The patch is kept small, with the same <see cref="DiffRules"/> as <see cref="JsonDiff"/>: object
/// members are added, removed or replaced one by one; in a keyed array the removed items are removed
/// (highest index first), the fewest items are moved to put the rest in order, new items are added
/// (lowest index first) and then paired items are patched field by field; any other array — a set
/// array too, since the result must have the right order — is patched along the longest common
/// subsequence of its items: removals from the highest index down, additions from the lowest index up,
/// then items at the same place are patched inside. A string is replaced whole. An array too large to
/// diff within <see cref="DiffRules.MaxArrayDiffCost"/>, or a value whose JSON type changed, is one
/// <c>replace</c>; a change of the whole value is a <c>replace</c> at the root path <c>""</c>.
/// </para>
/// <para>Operation values are copies: the patch shares no node with the inputs.</para>
/// </remarks>
public static class JsonPatchBuilder
{
    /// <summary>Creates the operations that turn <paramref name="left"/> into <paramref name="right"/>.</summary>
    /// <param name="left">The value the patch applies to (null is a JSON null).</param>
    /// <param name="right">The value the patch produces (null is a JSON null).</param>
    /// <param name="rules">How arrays are matched; <see cref="DiffRules.Default"/> when null.</param>
    /// <param name="budget">The work the array diffs may do, and the token that stops them; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>The operations, in the order they must be applied; empty when the values are equal.</returns>
    /// <exception cref="Verso.Errors.CanonicalJsonException">A value has no canonical form (e.g. a lone surrogate in a string).</exception>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static ImmutableArray<PatchOperation> Create(JsonNode? left, JsonNode? right, DiffRules? rules = null, ComparisonBudget? budget = null) =>
        PatchEmitter.Run(left, right, rules ?? DiffRules.Default, budget ?? new ComparisonBudget());
}
