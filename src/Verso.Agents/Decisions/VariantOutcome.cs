using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Agents.Decisions;

/// <summary>The decisions made under one variant of a rollout: how many, by outcome, and which.</summary>
/// <param name="Version">The variant's version.</param>
/// <param name="Variant"><c>control</c> or <c>candidate</c>, as the rollout stands now (<c>past</c> for a version it no longer serves).</param>
/// <param name="Weight">The basis points it serves now.</param>
/// <param name="Outcomes">Counts by outcome, snake_case (approved, rejected, …).</param>
/// <param name="Decisions">The decisions, oldest recorded first.</param>
public sealed record VariantOutcome(int Version, string Variant, int Weight, ImmutableSortedDictionary<string, int> Outcomes, ImmutableArray<VersionRef> Decisions);
