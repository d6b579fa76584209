using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Model.Kinds;

namespace Verso.Versioning.Replay;

/// <summary>
/// Decides whether two versions of a record behave the same, so that a task recorded under one can be
/// replayed under the other: <see cref="CompatibilityLevel.Identical"/>,
/// <see cref="CompatibilityLevel.Compatible"/> or <see cref="CompatibilityLevel.Breaking"/>.
/// </summary>
/// <remarks>
/// <para>
/// Both values are first put in canonical form (RFC 8785) without the kind's
/// <see cref="EntityKind.VolatileFields"/>, as they are before hashing: equal bytes, which is equal
/// content hashes, are identical. Runtime state such as an agent's status never makes two versions differ.
/// </para>
/// <para>
/// Otherwise the values are diffed with the kind's <see cref="EntityKind.DiffRules"/> and each change is
/// classified against the kind's <see cref="EntityKind.BehaviourFields"/>, RFC 6901 pointers in which a
/// <c>*</c> segment matches any one segment. A change is behaviour-changing when:
/// </para>
/// <list type="bullet">
/// <item><description>the kind declares no behaviour fields (null): every field changes behaviour;</description></item>
/// <item><description>its path — or, for a move, the path it moved from — is at or under a behaviour field
/// (the field's segments are a prefix of the path's): <c>/nodes/*/config</c> covers <c>/nodes/2/config/timeout</c>;</description></item>
/// <item><description>its path is above a behaviour field and the values it reaches there differ between the
/// two sides (absent and present differ): adding a node with a config changes <c>/nodes/*/config</c>,
/// adding one without a config does not.</description></item>
/// </list>
/// <para>
/// A move of a keyed array item is therefore breaking only when a behaviour field is the array itself or
/// the moved item (e.g. <c>/steps</c>, whose order is the plan); under <c>/nodes/*/config</c> a reordered
/// node is cosmetic. The verdict is <see cref="CompatibilityLevel.Compatible"/> when no change is
/// behaviour-changing — including when the diff finds no change at all although the bytes differ, as for
/// a reordered array the kind compares as a set.
/// </para>
/// </remarks>
public static class ReplayCompatibility
{
    /// <summary>Compares two versions of a record of <paramref name="kind"/>.</summary>
    /// <param name="kind">The kind of both values: its volatile fields, diff rules and behaviour fields.</param>
    /// <param name="left">The version a task was recorded under (null is a JSON null).</param>
    /// <param name="right">The version it would be replayed under (null is a JSON null).</param>
    /// <param name="budget">The work the diff may do, and the token that stops it; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>The verdict, with the behaviour-changing and the cosmetic differences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> is null.</exception>
    /// <exception cref="ArgumentException">A behaviour field of the kind is not an RFC 6901 pointer.</exception>
    /// <exception cref="Errors.CanonicalJsonException">A value has no canonical form (e.g. a lone surrogate in a string).</exception>
    /// <exception cref="Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static ReplayVerdict Compare(EntityKind kind, JsonNode? left, JsonNode? right, ComparisonBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var leftBytes = Canonicalize(left, kind.VolatileFields);
        var rightBytes = Canonicalize(right, kind.VolatileFields);
        if (leftBytes.AsSpan().SequenceEqual(rightBytes))
        {
            return ReplayVerdict.Identical;
        }

        // Diffing the canonical forms keeps the volatile fields out of the changes as well.
        var changes = JsonDiff.Compute(Documents.Canonical.JsonLimits.ParseNode(leftBytes), Documents.Canonical.JsonLimits.ParseNode(rightBytes), kind.DiffRules, budget);
        if (kind.BehaviourFields is not { } fields)
        {
            return new ReplayVerdict(changes.IsEmpty ? CompatibilityLevel.Compatible : CompatibilityLevel.Breaking, changes, []);
        }

        var patterns = BehaviourPatterns.Parse(kind.Name, fields);
        var differences = ImmutableArray.CreateBuilder<JsonChange>();
        var cosmetic = ImmutableArray.CreateBuilder<JsonChange>();
        foreach (var change in changes)
        {
            (patterns.ChangesBehaviour(change) ? differences : cosmetic).Add(change);
        }

        var verdict = differences.Count > 0 ? CompatibilityLevel.Breaking : CompatibilityLevel.Compatible;
        return new ReplayVerdict(verdict, differences.ToImmutable(), cosmetic.ToImmutable());
    }

    private static byte[] Canonicalize(JsonNode? node, JsonPointerSet volatileFields)
    {
        if (node is null)
        {
            return CanonicalJson.Canonicalize("null"u8);
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            node.WriteTo(writer);
        }

        return CanonicalJson.Canonicalize(buffer.WrittenSpan, volatileFields);
    }
}
