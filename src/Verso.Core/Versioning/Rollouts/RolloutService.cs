using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Verso.Documents.Canonical;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Versioning.Rollouts;

/// <summary>
/// Starts, changes, ends and resolves rollouts. Each change is one new version of the rollout record, written with the
/// version it read as the expected one, so two servers advancing and aborting at once leave one consistent rollout
/// (the later writer gets a conflict). A candidate gets traffic only if the label's policy would let the tag move to it
/// (its required checks pass), and a failing check on a candidate returns the whole label to the control at once.
/// </summary>
public sealed partial class RolloutService(VersioningService versions)
{
    /// <summary>The reserved kind rollouts are kept as.</summary>
    public const string Kind = "verso-rollout";

    // An entity id is at most 128 characters, and so is the rollout record's KIND.ID.LABEL.
    private const int MaxRecordId = 128;

    /// <summary>The rollout record's key for a label of an entity.</summary>
    /// <exception cref="InvalidRolloutException">KIND.ID.LABEL is longer than an entity id may be.</exception>
    public static EntityKey KeyOf(EntityKey entity, string label)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var id = $"{entity.Kind}.{entity.Id}.{TagNames.Validate(label)}";
        return id.Length <= MaxRecordId
            ? EntityKey.Create(Kind, id)
            : throw new InvalidRolloutException($"{entity}@{label} cannot have a rollout: its record id {entity.Kind}.{entity.Id}.{label} is longer than {MaxRecordId} characters");
    }

    // Such a label never had a rollout, so reads find none instead of refusing.
    private static bool CanHaveRollout(EntityKey entity, string label) => $"{entity.Kind}.{entity.Id}.{TagNames.Validate(label)}".Length <= MaxRecordId;

    /// <summary>The newest version of the label's rollout, or null when the label never had one.</summary>
    public async Task<Rollout?> GetAsync(EntityKey entity, string label, CancellationToken cancellationToken = default) =>
        CanHaveRollout(entity, label) && await versions.Store.GetLatestAsync(KeyOf(entity, label), cancellationToken).ConfigureAwait(false) is { } snapshot
            ? Rollout.Read(snapshot)
            : null;

    /// <summary>Every version of the label's rollout, newest first: the label's history as a rollout.</summary>
    public async Task<IReadOnlyList<Rollout>> HistoryAsync(EntityKey entity, string label, CancellationToken cancellationToken = default)
    {
        var history = new List<Rollout>();
        if (!CanHaveRollout(entity, label))
        {
            return history;
        }

        await foreach (var snapshot in versions.Store.GetHistoryAsync(KeyOf(entity, label), 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            history.Add(Rollout.Read(snapshot));
        }

        return history;
    }

    /// <summary>
    /// Starts a rollout on a label: the candidate gets its weight in basis points, the control (by default the version
    /// the label points at now) the rest.
    /// </summary>
    /// <exception cref="InvalidRolloutException">Bad weights or steps, or the candidate is the control.</exception>
    /// <exception cref="RolloutConflictException">The label has an active rollout already.</exception>
    /// <exception cref="RefusedException">The label's policy would not let the tag move to the candidate.</exception>
    public async Task<Rollout> StartAsync(RolloutStart start, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(start);
        _ = KeyOf(start.Entity, start.Label);
        var existing = await GetAsync(start.Entity, start.Label, cancellationToken).ConfigureAwait(false);
        if (existing is { State: RolloutState.Active })
        {
            throw new RolloutConflictException($"{start.Entity}@{start.Label} has an active rollout (version {existing.Version}): advance, promote or abort it first");
        }

        var control = start.Control ?? await versions.Store.GetTagAsync(start.Entity, start.Label, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidRolloutException($"{start.Entity} has no {start.Label} tag to take as the control: give the control version");
        if (control == start.Candidate)
        {
            throw new InvalidRolloutException($"the candidate {start.Entity}@{start.Candidate} is the control");
        }

        ValidateSteps(start.Steps);
        var controlVersion = await versions.GetAsync(VersionRef.ForVersion(start.Entity, control), cancellationToken).ConfigureAwait(false);
        var candidateVersion = await versions.GetAsync(VersionRef.ForVersion(start.Entity, start.Candidate), cancellationToken).ConfigureAwait(false);
        await versions.EnsureLabelAllowedAsync(candidateVersion, start.Label, cancellationToken).ConfigureAwait(false);
        if (await versions.Store.GetTagAsync(start.Entity, start.Label, cancellationToken).ConfigureAwait(false) != control)
        {
            // Readers of the plain tag see the control while the rollout runs.
            await versions.TagAsync(controlVersion.Ref, start.Label, start.By, $"control of a rollout of {candidateVersion.Ref}", cancellationToken).ConfigureAwait(false);
        }

        var rollout = new Rollout(
            start.Entity, start.Label, RolloutState.Active, control,
            RolloutBuckets.Reweigh([new RolloutCandidate(start.Candidate, [])], 0, start.Weight),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), start.BucketBy, start.Steps, start.AdvanceOn,
            start.Reason ?? $"started at {start.Weight} bp");
        return await SaveAsync(rollout, existing?.Version ?? 0, start.By, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets a candidate's weight (the first candidate's when <paramref name="candidate"/> is null).</summary>
    public async Task<Rollout> SetWeightAsync(EntityKey entity, string label, int weight, int? candidate, string by, string? reason = null, CancellationToken cancellationToken = default)
    {
        var rollout = await ActiveAsync(entity, label, cancellationToken).ConfigureAwait(false);
        var index = candidate is null ? 0 : rollout.Candidates.ToList().FindIndex(c => c.Version == candidate);
        if (index < 0)
        {
            throw new InvalidRolloutException($"{entity}@{candidate} is not a candidate of the {label} rollout");
        }

        return await ReweighAsync(rollout, index, weight, by, reason ?? $"weight {weight} bp", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the next planned step of the first candidate's weight.</summary>
    public async Task<Rollout> AdvanceAsync(EntityKey entity, string label, string by, string? reason = null, CancellationToken cancellationToken = default)
    {
        // The step is taken from the version read here and written against it: an advance racing another
        // advance or an abort conflicts instead of re-reading a newer rollout and setting a stale (lower) step.
        var rollout = await ActiveAsync(entity, label, cancellationToken).ConfigureAwait(false);
        var current = rollout.Candidates[0].Weight;
        var next = rollout.Steps.Where(s => s > current).Cast<int?>().FirstOrDefault()
            ?? throw new InvalidRolloutException($"the {label} rollout is at its last step ({current} bp): promote it, or set a weight");
        return await ReweighAsync(rollout, 0, next, by, reason ?? $"advanced to {next} bp", cancellationToken).ConfigureAwait(false);
    }

    private async Task<Rollout> ReweighAsync(Rollout rollout, int index, int weight, string by, string reason, CancellationToken cancellationToken)
    {
        if (weight > rollout.Candidates[index].Weight)
        {
            var version = await versions.GetAsync(VersionRef.ForVersion(rollout.Entity, rollout.Candidates[index].Version), cancellationToken).ConfigureAwait(false);
            await versions.EnsureLabelAllowedAsync(version, rollout.Label, cancellationToken).ConfigureAwait(false);
        }

        var changed = rollout with { Candidates = RolloutBuckets.Reweigh(rollout.Candidates, index, weight), Reason = reason };
        return await SaveAsync(changed, rollout.Version, by, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Makes a candidate (the first by default) the plain tag and ends the rollout.</summary>
    public async Task<Rollout> PromoteAsync(EntityKey entity, string label, int? candidate, string by, string? reason = null, CancellationToken cancellationToken = default)
    {
        var rollout = await ActiveAsync(entity, label, cancellationToken).ConfigureAwait(false);
        var chosen = candidate ?? rollout.Candidates[0].Version;
        if (rollout.Candidates.All(c => c.Version != chosen))
        {
            throw new InvalidRolloutException($"{entity}@{chosen} is not a candidate of the {label} rollout");
        }

        // The label's policy is asked first, then the rollout is ended against the version read (a racing abort or
        // advance makes this a conflict before any tag moves), and only then does the tag move to the candidate.
        var target = await versions.GetAsync(VersionRef.ForVersion(entity, chosen), cancellationToken).ConfigureAwait(false);
        await versions.EnsureLabelAllowedAsync(target, label, cancellationToken).ConfigureAwait(false);
        var ended = rollout with { State = RolloutState.Promoted, Control = chosen, Candidates = [], Reason = reason ?? $"promoted {entity}@{chosen}" };
        var saved = await SaveAsync(ended, rollout.Version, by, cancellationToken).ConfigureAwait(false);
        await versions.TagAsync(target.Ref, label, by, reason ?? "rollout promoted", cancellationToken).ConfigureAwait(false);
        return saved;
    }

    /// <summary>Returns every subject to the control at once and ends the rollout, recording why.</summary>
    public async Task<Rollout> AbortAsync(EntityKey entity, string label, string by, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var rollout = await ActiveAsync(entity, label, cancellationToken).ConfigureAwait(false);
        var ended = rollout with { State = RolloutState.Aborted, Candidates = [.. rollout.Candidates.Select(c => c with { Ranges = [] })], Reason = reason };
        return await SaveAsync(ended, rollout.Version, by, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Rollout> ActiveAsync(EntityKey entity, string label, CancellationToken cancellationToken) =>
        await GetAsync(entity, label, cancellationToken).ConfigureAwait(false) is { State: RolloutState.Active } rollout
            ? rollout
            : throw new NotFoundException($"{entity}@{label}", $"not found: {entity}@{label} has no active rollout");

    private async Task<Rollout> SaveAsync(Rollout rollout, int expected, string by, CancellationToken cancellationToken)
    {
        var key = KeyOf(rollout.Entity, rollout.Label);
        var content = CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(rollout.ToJson().ToJsonString()));
        var request = new AppendRequest(key, content, by, versions.Now())
        {
            Message = rollout.Reason,
            ExpectedVersion = expected,
        };
        var result = await versions.Store.AppendAsync(request, cancellationToken).ConfigureAwait(false);
        await versions.SignCreatedAsync(result, cancellationToken).ConfigureAwait(false);
        return Rollout.Read(result.Head);
    }

    private static void ValidateSteps(ImmutableArray<int> steps)
    {
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i] is < 1 or > RolloutBuckets.Count || (i > 0 && steps[i] <= steps[i - 1]))
            {
                throw new InvalidRolloutException($"steps rise from 1 to {RolloutBuckets.Count} basis points; {string.Join(",", steps)} does not");
            }
        }
    }
}
