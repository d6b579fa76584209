namespace Verso.Agents.Decisions;

/// <summary>
/// How the executor's charter was resolved when the task started: through <paramref name="Label"/>, for
/// <paramref name="Subject"/>, by version <paramref name="RolloutVersion"/> of the label's rollout. The decision log
/// recomputes the bucket and the version served from that rollout version, pins it, and keeps the resolution in the
/// decision's <c>metadata.resolution</c>, so the decision says which variant ran.
/// </summary>
/// <param name="Label">The label resolved, e.g. <c>production</c>.</param>
/// <param name="Subject">The subject key bucketed; null when none was given (the control is served).</param>
/// <param name="RolloutVersion">The rollout record's version the resolve answered with; null when the label was a plain tag.</param>
public sealed record DecisionResolution(string Label, string? Subject, int? RolloutVersion);
