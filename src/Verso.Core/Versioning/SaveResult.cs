using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

/// <summary>The result of a typed save: what happened and the entity's head afterwards.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Outcome">Whether a version was appended.</param>
/// <param name="Head">The new version, or the unchanged head.</param>
public sealed record SaveResult<T>(AppendOutcome Outcome, VersionSnapshot<T> Head);
