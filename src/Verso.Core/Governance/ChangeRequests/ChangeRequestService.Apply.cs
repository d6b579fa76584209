using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Documents.Merge;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Versioning;

namespace Verso.Governance.ChangeRequests;

// Apply, and the approval rules it and the status share.
public sealed partial class ChangeRequestService
{
    /// <summary>
    /// Saves an approved request as the next version of its entity (operation <c>apply</c>; the version's
    /// source names the request and its approvers, covered by the chain). When the head moved since the
    /// base, the three-way merge of base, head and proposal runs: a clean merge is applied, a conflict
    /// marks the request stale with the conflicting paths and applies nothing. A request is applied at most
    /// once: the entity is appended expecting the head read, and a request already applied (by a
    /// concurrent apply, or one interrupted before it marked the request) is found in the entity's history.
    /// </summary>
    /// <exception cref="RefusedException">The request is applied, withdrawn or rejected, or lacks approvals its policies need.</exception>
    public async Task<ApplyResult> ApplyAsync(string id, Actor by, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(by);
        by.Validated();
        for (var attempt = 0; ; attempt++)
        {
            var request = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            // Refused before the target is read: the append below would refuse it anyway.
            VersioningService.EnsureWritable(request.Target, VersionOperation.Apply.ToName());
            // The head first, then the search: every version up to the head read is searched, and the
            // append below expects that head, so an apply landing in between makes it conflict.
            var head = await _versions.Store.GetLatestAsync(request.Target, cancellationToken).ConfigureAwait(false);
            var headVersion = head?.Version ?? 0;
            if (await FindAppliedAsync(request, cancellationToken).ConfigureAwait(false) is { } done)
            {
                await MarkAppliedAsync(id, by, done.Version, cancellationToken).ConfigureAwait(false);
                throw new RefusedException(PolicyRules.Status, null, id, $"{id} is already applied (as {done.Ref})", "nothing to do; propose a new change request for further changes");
            }

            EnsureOpen(request, "applied");
            if (!request.Rejecters.IsEmpty)
            {
                throw new RefusedException(
                    PolicyRules.Status, null, id, $"{id} is rejected by {string.Join(", ", request.Rejecters)}",
                    "have them approve it, or update the proposal");
            }

            var unmet = await UnmetApprovalsAsync(request, cancellationToken).ConfigureAwait(false);
            if (unmet.Count > 0)
            {
                throw unmet[0];
            }

            var content = request.Proposal;
            var merged = headVersion != request.BaseVersion;
            if (merged)
            {
                var result = await MergeAsync(request, head!, cancellationToken).ConfigureAwait(false);
                if (!result.IsClean)
                {
                    var stale = await MutateAsync(id, by, $"stale: the head moved to @{headVersion} and the merge conflicts at {string.Join(", ", result.Conflicts.Select(c => c.Path))}", r =>
                    {
                        EnsureOpen(r, "marked stale");
                        return Task.FromResult(r with { Status = ChangeRequestStatus.Stale, Conflicts = [.. result.Conflicts.Select(c => c.Path)] });
                    }, cancellationToken).ConfigureAwait(false);
                    _logger.LogInformation("{Id} is stale: {Count} conflicts with {Target}@{Head}", id, result.Conflicts.Length, request.Target, headVersion);
                    return new ApplyResult(stale, null, true, result.Conflicts);
                }

                content = _versions.Canonicalize(request.Target.Kind, System.Text.Encoding.UTF8.GetBytes(result.Merged!.ToJsonString()));
            }

            var options = new SaveOptions(by.Name)
            {
                ExpectedVersion = headVersion,
                // Forced: even a merge that lands on the head's content records that the request was applied.
                Force = true,
                // saved_by is who applied; whom they acted for is kept in the message, as the request's own history keeps it.
                Message = $"apply {id}{(request.Message is null ? "" : ": " + request.Message)}{(by.ActingFor is null ? "" : $" (acting for {by.ActingFor})")}",
                Source = VersionSource.ForChangeRequest(id, request.Approvers),
            };
            Snapshot applied;
            try
            {
                applied = (await _versions.AppendForServiceAsync(request.Target, content, options, VersionOperation.Apply, owner: null, cancellationToken).ConfigureAwait(false)).Head;
            }
            catch (VersionConflictException) when (attempt < MaxAttempts)
            {
                // The head moved while merging, perhaps by a concurrent apply of this very request: start over.
                continue;
            }

            var final = await MarkAppliedAsync(id, by, applied.Version, cancellationToken).ConfigureAwait(false);
            _logger.LogInformation("{Id} applied as {Ref} by {By}", id, applied.Ref, by);
            return new ApplyResult(final, applied, merged, []);
        }
    }

    /// <summary>
    /// What the policies of the request's entity still need before it may be applied: one refusal per
    /// policy whose approvals are not there, each saying how many more, from whom. Empty when none.
    /// </summary>
    public async Task<IReadOnlyList<RefusedException>> UnmetApprovalsAsync(ChangeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var approvers = request.CurrentVerdicts
            .Where(r => r.Verdict == ReviewVerdict.Approve && !r.By.Shares(request.Author))
            .Select(r => r.By.Effective)
            .ToImmutableSortedSet(StringComparer.Ordinal);
        var unmet = new List<RefusedException>();
        foreach (var policy in await _versions.Policies.ForEntityAsync(request.Target, cancellationToken).ConfigureAwait(false))
        {
            var needed = policy.Approvals;
            var because = "";
            if (needed == 0 && policy.BreakingToolChanges == Policy.Review && await BreakingToolChangesAsync(request, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } breaking)
            {
                // A breaking tool change is reviewed even where other changes need no approval.
                needed = 1;
                because = $" for {breaking.Length} breaking tool change{(breaking.Length == 1 ? "" : "s")} ({breaking[0]})";
            }

            if (needed == 0)
            {
                continue;
            }

            var counted = approvers;
            var from = "";
            if (policy.Group is { } group)
            {
                try
                {
                    var members = await _versions.Policies.MembersAsync(policy, cancellationToken).ConfigureAwait(false);
                    counted = [.. approvers.Where(members.Contains)];
                    from = $" from group/{group}";
                }
                catch (RefusedException missing)
                {
                    unmet.Add(missing);
                    continue;
                }
            }

            if (counted.Count < needed)
            {
                var have = counted.Count == 0 ? "none" : $"{counted.Count} ({string.Join(", ", counted)})";
                unmet.Add(new RefusedException(
                    because.Length == 0 ? PolicyRules.Approvals : PolicyRules.BreakingToolChanges, policy.Version.ToString(), request.Id,
                    $"{request.Target} needs {needed} approval{(needed == 1 ? "" : "s")}{because} by distinct people other than the author {request.Author.Effective}{from}, and {request.Id} has {have}",
                    $"have {needed - counted.Count} more {(from.Length == 0 ? "reviewer" : "member" + from)} approve revision {request.Revision}"));
            }
        }

        return unmet;
    }

    // What the request would change in the tools, from the head it would be applied onto.
    private async Task<ImmutableArray<Versioning.Tools.ToolChange>> BreakingToolChangesAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        var head = await _versions.Store.GetLatestAsync(request.Target, cancellationToken).ConfigureAwait(false);
        return head is { HasContent: true }
            ? await _versions.BreakingToolChangesAsync(request.Target, head.Content, request.Proposal.Utf8, cancellationToken).ConfigureAwait(false)
            : [];
    }

    private async Task<ChangeRequestStatus> StatusOfAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        if (request.Status == ChangeRequestStatus.Stale)
        {
            return ChangeRequestStatus.Stale;
        }

        if (!request.Rejecters.IsEmpty)
        {
            return ChangeRequestStatus.Rejected;
        }

        return !request.Approvers.IsEmpty && (await UnmetApprovalsAsync(request, cancellationToken).ConfigureAwait(false)).Count == 0
            ? ChangeRequestStatus.Approved
            : ChangeRequestStatus.Open;
    }

    private async Task<MergeResult> MergeAsync(ChangeRequest request, Snapshot head, CancellationToken cancellationToken)
    {
        var kind = _versions.Kinds.Resolve(request.Target.Kind);
        JsonNode? @base = null;
        if (request.BaseRef is { } baseRef)
        {
            @base = JsonNode.Parse((await _versions.GetAsync(baseRef, cancellationToken).ConfigureAwait(false)).Content.Span);
        }

        // Ours is the head (what is in force), theirs the proposal: a conflict shows what each would make it.
        return JsonMerge.Merge(@base, JsonLimits.ParseNode(head.Content.Span), JsonLimits.ParseNode(request.Proposal.Utf8.Span), kind.DiffRules,
            new Documents.Diff.ComparisonBudget(cancellationToken: cancellationToken));
    }

    // A version after the base whose source names this request: the request was applied already.
    private async Task<Snapshot?> FindAppliedAsync(ChangeRequest request, CancellationToken cancellationToken)
    {
        if (request.AppliedVersion is { } known)
        {
            return await _versions.Store.GetVersionAsync(request.Target, known, cancellationToken).ConfigureAwait(false);
        }

        // Newest first down to the base, however far the head has moved since it was read.
        await foreach (var version in _versions.Store.GetHistoryAsync(request.Target, 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (version.Version <= request.BaseVersion)
            {
                break;
            }

            if (version.Operation == VersionOperation.Apply && version.Source?.ChangeRequest == request.Id)
            {
                return version;
            }
        }

        return null;
    }

    private Task<ChangeRequest> MarkAppliedAsync(string id, Actor by, int version, CancellationToken cancellationToken) =>
        MutateAsync(id, by, $"applied as @{version}", r => Task.FromResult(
            r.Status == ChangeRequestStatus.Applied ? r : r with { Status = ChangeRequestStatus.Applied, AppliedVersion = version, Conflicts = [] }), cancellationToken);
}
