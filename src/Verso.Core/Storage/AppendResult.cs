using Verso.Model.Snapshots;

namespace Verso.Storage;

/// <summary>The result of an append: what happened and the entity's head afterwards.</summary>
/// <param name="Outcome">Whether a version was appended.</param>
/// <param name="Head">The new version, or the unchanged head.</param>
public sealed record AppendResult(AppendOutcome Outcome, Snapshot Head);
