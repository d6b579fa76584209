using Verso.Model.Snapshots;

namespace Verso.Versioning.Rollouts;

/// <summary>
/// What a label served one subject: the version (with its hash, to pin), and when the label is a rollout, the rollout's
/// version, the subject's bucket and which variant it fell in — what a decision records to say which variant ran.
/// </summary>
public sealed record RolloutResolution(Snapshot Version, string? Label, string? Subject, int? Bucket, int? RolloutVersion, string Variant);
