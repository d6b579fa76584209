using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Governance.Checks;

/// <summary>
/// Records check results on versions (append-only: each result is a new version of the version's
/// <c>check</c> record, pinned to the checked version by its hash) and carries out what tag policies
/// say a failure does.
/// </summary>
public sealed class CheckService
{
    private readonly VersioningService _versions;
    private readonly ILogger<CheckService> _logger;

    /// <summary>Creates the service over <paramref name="versions"/>.</summary>
    public CheckService(VersioningService versions, ILogger<CheckService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _versions = versions;
        _logger = logger ?? NullLogger<CheckService>.Instance;
    }

    /// <summary>
    /// Records that check <paramref name="name"/> passed or failed on the version <paramref name="target"/>
    /// names. A failure on a version a tag points at, where the tag's policy says <c>on_fail: rollback-tag</c>,
    /// moves the tag back to the newest earlier version whose required checks all pass, recorded as a tag
    /// move whose reason is this failure.
    /// </summary>
    /// <exception cref="NotFoundException">The version does not exist.</exception>
    /// <exception cref="InvalidNameException">The check name breaks the rule (that of tag names).</exception>
    public async Task<CheckRecorded> RecordAsync(
        VersionRef target, string name, bool passed, string by, string? url = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (!TagNames.IsValid(name))
        {
            throw new InvalidNameException("check name", name, "use 1-64 of a-z 0-9 . _ -, starting with a letter");
        }

        // Checks are about versions of ordinary kinds; one about a token or a change request is no one's business.
        VersioningService.EnsureWritable(target.Key, "check");
        var version = await _versions.GetAsync(target, cancellationToken).ConfigureAwait(false);
        var result = new CheckResult(new PinnedRef(version.Key, version.Version, version.Hash), name, passed, by, _versions.Now(), url, message);
        var content = CanonicalJson.CreateDocument(result.ToJson());
        // Forced: the same result twice is two runs, both kept.
        var appended = await _versions.AppendForServiceAsync(
            CheckLedger.KeyFor(version.Key, version.Version), content,
            new SaveOptions(by) { Force = true, SavedAt = result.At, Message = $"{result.Result} {name}" }, VersionOperation.Save, PolicyKinds.CheckKind, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("check {Name} {Result} on {Ref} by {By}", name, result.Result, version.Ref, by);

        var moves = ImmutableArray.CreateBuilder<TagMove>();
        var left = ImmutableArray.CreateBuilder<string>();
        if (!passed)
        {
            await RollBackTagsAsync(version, result, moves, left, cancellationToken).ConfigureAwait(false);
        }

        // A rollout whose candidate this is: a failure returns its label to the control, a passing advance_on check advances it.
        var rollouts = await new Versioning.Rollouts.RolloutService(_versions).OnCheckAsync(result, cancellationToken).ConfigureAwait(false);
        return new CheckRecorded(result, appended.Head.Version, moves.ToImmutable(), left.ToImmutable()) { Rollouts = [.. rollouts] };
    }

    /// <summary>Every result recorded on version <paramref name="version"/> of <paramref name="key"/>, oldest first.</summary>
    public Task<IReadOnlyList<CheckResult>> ListAsync(EntityKey key, int version, CancellationToken cancellationToken = default) =>
        CheckLedger.ReadAsync(_versions.Store, key, version, cancellationToken);

    private async Task RollBackTagsAsync(
        Snapshot failed, CheckResult failure, ImmutableArray<TagMove>.Builder moves, ImmutableArray<string>.Builder left, CancellationToken cancellationToken)
    {
        var store = _versions.Store;
        foreach (var tag in await store.ListTagsAsync(failed.Key, cancellationToken).ConfigureAwait(false))
        {
            if (tag.Version != failed.Version
                || await _versions.Policies.ForTagAsync(tag.Name, cancellationToken).ConfigureAwait(false) is not { RollbackTagOnFail: true } policy)
            {
                continue;
            }

            var required = policy.RequiredChecks.IsEmpty ? [failure.Name] : policy.RequiredChecks;
            var earlier = await NewestPassingBeforeAsync(failed, required, cancellationToken).ConfigureAwait(false);
            if (earlier is null)
            {
                left.Add(tag.Name);
                continue;
            }

            var reason = $"{policy.Version} on_fail: rollback-tag: check {failure.Name} failed on {failed.Ref} ({failure.By}){(failure.Message is null ? "" : ": " + failure.Message)}";
            // The move bypasses the tag's required checks on purpose: the version chosen passes them.
            var move = await store.MoveTagAsync(new TagMove(failed.Key, tag.Name, null, earlier.Value, failure.By, _versions.Now(), reason), cancellationToken).ConfigureAwait(false);
            await _versions.SignMoveAsync(move, cancellationToken).ConfigureAwait(false);
            if (move is not null)
            {
                moves.Add(move);
                _logger.LogWarning("moved {Tag} of {Key} back to @{Version}: {Reason}", tag.Name, failed.Key, earlier.Value, reason);
            }
        }
    }

    private async Task<int?> NewestPassingBeforeAsync(Snapshot failed, ImmutableArray<string> required, CancellationToken cancellationToken)
    {
        for (var version = failed.Version - 1; version >= 1; version--)
        {
            var unmet = await CheckLedger.UnmetAsync(_versions.Store, failed.Key, version, required, cancellationToken).ConfigureAwait(false);
            if (unmet.Count == 0)
            {
                return version;
            }
        }

        return null;
    }
}
