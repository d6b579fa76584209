using System.Collections.Immutable;
using System.Text.Json;
using Verso.Agents.Kinds;
using Verso.Errors;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Storage;

namespace Verso.Agents.Decisions;

/// <summary>
/// Compares a rollout's variants by the decisions made under them: for each version the label served (control, each
/// candidate), the decisions that pin it and whose recorded resolution names the label, counted by outcome. What a
/// person reads before advancing.
/// </summary>
public static class RolloutDecisionReport
{
    /// <summary>The report of <paramref name="label"/>'s rollout on <paramref name="entity"/>: the control first, then each candidate.</summary>
    /// <param name="rollouts">The rollouts, for the label's history.</param>
    /// <param name="store">The store, for the decisions that refer to each variant (a read the service does not offer).</param>
    /// <param name="entity">The entity whose label it is.</param>
    /// <param name="label">The label.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="NotFoundException">The label never had a rollout.</exception>
    public static async Task<(Rollout Rollout, ImmutableArray<VariantOutcome> Variants)> BuildAsync(
        RolloutService rollouts, IVersionStore store, EntityKey entity, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollouts);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(entity);
        var history = await rollouts.HistoryAsync(entity, label, cancellationToken).ConfigureAwait(false);
        if (history.Count == 0)
        {
            throw new NotFoundException($"{entity}@{label}", $"not found: {entity}@{label} never had a rollout");
        }

        var current = history[0];
        // Every version the label served in any rollout version, the control first: a candidate dropped by an abort still has its decisions.
        var versions = history.SelectMany(r => r.Candidates.Select(c => c.Version).Prepend(r.Control)).Prepend(current.Control).Distinct().ToList();
        var variants = ImmutableArray.CreateBuilder<VariantOutcome>();
        foreach (var version in versions)
        {
            var candidate = current.Candidates.FirstOrDefault(c => c.Version == version);
            var variant = version == current.Control ? "control" : candidate is not null ? "candidate" : "past";
            var weight = version == current.Control ? RolloutBuckets.Count - current.Candidates.Sum(c => c.Weight) : candidate?.Weight ?? 0;
            var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var decisions = new List<(DateTimeOffset At, VersionRef Ref)>();
            foreach (var referrer in await store.FindReferrersAsync(entity, version, cancellationToken).ConfigureAwait(false))
            {
                if (referrer.Key.Kind != AgentKinds.Decision.Name
                    || await store.GetVersionAsync(referrer.Key, referrer.Version, cancellationToken).ConfigureAwait(false) is not { HasContent: true } decision)
                {
                    continue;
                }

                using var document = JsonDocument.Parse(decision.Content);
                var root = document.RootElement;
                if (!UnderLabel(root, entity, version, label))
                {
                    continue;
                }

                var outcome = root.GetProperty("decision").GetString() ?? "unknown";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                decisions.Add((decision.SavedAt, referrer));
            }

            variants.Add(new VariantOutcome(version, variant, weight, outcomes.ToImmutableSortedDictionary(StringComparer.Ordinal),
                [.. decisions.OrderBy(d => d.At).Select(d => d.Ref)]));
        }

        return (current, variants.ToImmutable());
    }

    // A decision counts for the variant when its resolution names this label and resolved to this version of the entity.
    private static bool UnderLabel(JsonElement root, EntityKey entity, int version, string label) =>
        root.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty(DecisionResolutions.Member, out var resolution) && resolution.ValueKind == JsonValueKind.Object
        && resolution.TryGetProperty("label", out var named) && named.ValueKind == JsonValueKind.String && named.GetString() == label
        && resolution.TryGetProperty("ref", out var reference) && reference.ValueKind == JsonValueKind.String
        && reference.GetString() == VersionRef.ForVersion(entity, version).ToString();
}
