using System.Collections.Immutable;
using Verso.Documents.Diff;

namespace Verso.Versioning.Replay;

/// <summary>The answer to "can a task recorded under one version be replayed under the other?".</summary>
/// <param name="Verdict">Identical, compatible or breaking.</param>
/// <param name="Differences">
/// The behaviour-changing differences, in the order of <see cref="JsonDiff.Compute"/>; empty unless
/// <paramref name="Verdict"/> is <see cref="CompatibilityLevel.Breaking"/>.
/// </param>
/// <param name="Cosmetic">The differences that do not change behaviour (a label, a description).</param>
public sealed record ReplayVerdict(
    CompatibilityLevel Verdict,
    ImmutableArray<JsonChange> Differences,
    ImmutableArray<JsonChange> Cosmetic)
{
    /// <summary>
    /// The changes to the tools the record declares, each with its level, when its kind declares tools
    /// (<see cref="Model.Kinds.EntityKind.Tools"/>) and it was compared by <see cref="Versioning.Tools.ToolCompatibility"/>; empty otherwise.
    /// </summary>
    public ImmutableArray<Tools.ToolChange> ToolChanges { get; init; } = [];

    /// <summary>The verdict for two versions with the same content.</summary>
    public static ReplayVerdict Identical { get; } = new(CompatibilityLevel.Identical, [], []);
}
