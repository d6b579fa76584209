using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Governance.ChangeRequests;

/// <summary>
/// Change requests: propose a record for an entity without changing it, review it, apply it. Every
/// state is appended to <c>change-request/ID</c> with the version read as the expected one, so two
/// people acting at once never lose each other's review: the later append sees the conflict, reads
/// the new state and applies its change to that.
/// </summary>
public sealed partial class ChangeRequestService
{
    // Each failed attempt means another writer succeeded, so this bounds a burst of that many writers.
    private const int MaxAttempts = 64;

    private readonly VersioningService _versions;
    private readonly ILogger<ChangeRequestService> _logger;

    /// <summary>Creates the service over <paramref name="versions"/>.</summary>
    public ChangeRequestService(VersioningService versions, ILogger<ChangeRequestService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(versions);
        _versions = versions;
        _logger = logger ?? NullLogger<ChangeRequestService>.Instance;
    }

    private static EntityKey SequenceKey { get; } = EntityKey.Create(PolicyKinds.ChangeRequestKind, "sequence");

    /// <summary>
    /// Records a proposed record for <paramref name="target"/> against <paramref name="baseVersion"/>
    /// (the head when null; 0 for a new entity) without changing the entity.
    /// </summary>
    /// <exception cref="CanonicalJsonException">The JSON has no canonical form or is not an object.</exception>
    /// <exception cref="InvalidRecordException">The record is not valid for its kind.</exception>
    /// <exception cref="NotFoundException">The base version does not exist.</exception>
    /// <exception cref="RefusedException">The target's kind is reserved, or the proposal equals its base.</exception>
    public async Task<ChangeRequest> ProposeAsync(
        EntityKey target, ReadOnlyMemory<byte> utf8Json, Actor author, string? message = null, int? baseVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(author);
        author.Validated();
        var (proposal, @base) = await PrepareAsync(target, utf8Json, baseVersion, cancellationToken).ConfigureAwait(false);
        var id = await AllocateIdAsync(author, cancellationToken).ConfigureAwait(false);
        var request = new ChangeRequest
        {
            Id = id,
            Target = target,
            BaseVersion = @base?.Version ?? 0,
            BaseHash = @base?.Hash,
            Proposal = proposal,
            Author = author,
            Message = message,
            Status = ChangeRequestStatus.Open,
            Revision = 1,
        };
        var stored = await AppendAsync(request, author, message ?? "proposed", expected: 0, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("{Id} proposed for {Target} by {Author}", id, target, author);
        return stored;
    }

    /// <summary>
    /// Replaces the proposal of an open, approved, rejected or stale request with a new revision against
    /// <paramref name="baseVersion"/> (the head when null). Approvals and rejections of earlier revisions
    /// no longer count; the request is open again.
    /// </summary>
    /// <exception cref="RefusedException">Someone other than the author updates it, or it is applied or withdrawn.</exception>
    public async Task<ChangeRequest> UpdateAsync(
        string id, ReadOnlyMemory<byte> utf8Json, Actor author, string? message = null, int? baseVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        author.Validated();
        var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var (proposal, @base) = await PrepareAsync(current.Target, utf8Json, baseVersion, cancellationToken).ConfigureAwait(false);
        return await MutateAsync(id, author, $"updated{(message is null ? "" : ": " + message)}", request =>
        {
            EnsureOpen(request, "updated");
            EnsureAuthor(request, author, "update");
            return Task.FromResult(request with
            {
                BaseVersion = @base?.Version ?? 0,
                BaseHash = @base?.Hash,
                Proposal = proposal,
                Message = message ?? request.Message,
                Status = ChangeRequestStatus.Open,
                Revision = request.Revision + 1,
                Conflicts = [],
            });
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records a review of the current revision. Nobody approves or rejects a request they wrote, also
    /// not acting for its author or through someone the author acted for. The status follows: rejected
    /// while any reviewer's latest verdict is a rejection, approved once the policies' approvals are there.
    /// </summary>
    /// <exception cref="RefusedException">A self-review, or the request is applied or withdrawn.</exception>
    public async Task<ChangeRequest> ReviewAsync(
        string id, ReviewVerdict verdict, Actor reviewer, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        reviewer.Validated();
        return await MutateAsync(id, reviewer, $"{verdict.ToName()} by {reviewer}", async request =>
        {
            EnsureOpen(request, "reviewed");
            // A request about a reserved kind can only have been forged into the store: nobody approves it.
            VersioningService.EnsureWritable(request.Target, "change request");
            if (verdict != ReviewVerdict.Comment && reviewer.Shares(request.Author))
            {
                throw new RefusedException(
                    PolicyRules.NoSelfReview, null, request.Id,
                    $"{reviewer} cannot {verdict.ToName()} {request.Id}: it was proposed by {request.Author}, and nobody reviews their own change",
                    "ask someone other than the author to review it");
            }

            var reviewed = request with { Reviews = request.Reviews.Add(new ReviewEntry(reviewer, verdict, message, _versions.Now(), request.Revision)) };
            return reviewed with { Status = await StatusOfAsync(reviewed, cancellationToken).ConfigureAwait(false) };
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Withdraws a request; only its author can, and nothing can happen to it afterwards.</summary>
    /// <exception cref="RefusedException">Someone other than the author withdraws it, or it is applied or withdrawn.</exception>
    public Task<ChangeRequest> WithdrawAsync(string id, Actor author, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(author);
        author.Validated();
        return MutateAsync(id, author, $"withdrawn{(message is null ? "" : ": " + message)}", request =>
        {
            EnsureOpen(request, "withdrawn");
            EnsureAuthor(request, author, "withdraw");
            return Task.FromResult(request with { Status = ChangeRequestStatus.Withdrawn });
        }, cancellationToken);
    }

    /// <summary>The current state of a request.</summary>
    /// <exception cref="NotFoundException">No such request.</exception>
    /// <exception cref="InvalidNameException">The id is not <c>cr-N</c>.</exception>
    public async Task<ChangeRequest> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var snapshot = await _versions.Store.GetLatestAsync(KeyOf(id), cancellationToken).ConfigureAwait(false)
            ?? throw new NotFoundException(id, $"not found: no change request {id}");
        return ChangeRequestJson.Read(snapshot);
    }

    /// <summary>Every state of a request, newest first: its whole history.</summary>
    public async IAsyncEnumerable<ChangeRequest> HistoryAsync(string id, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var snapshot in _versions.Store.GetHistoryAsync(KeyOf(id), 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            yield return ChangeRequestJson.Read(snapshot);
        }
    }

    /// <summary>The requests, by number, optionally only those for <paramref name="target"/> or in <paramref name="status"/>.</summary>
    public async IAsyncEnumerable<ChangeRequest> ListAsync(
        EntityKey? target = null, ChangeRequestStatus? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ids = new List<(int Number, EntityKey Key)>();
        await foreach (var head in _versions.Store.ListEntitiesAsync(PolicyKinds.ChangeRequestKind, cancellationToken).ConfigureAwait(false))
        {
            if (ChangeRequest.IsValidId(head.Key.Id))
            {
                ids.Add((int.Parse(head.Key.Id.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture), head.Key));
            }
        }

        foreach (var (_, key) in ids.OrderBy(i => i.Number))
        {
            var snapshot = await _versions.Store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
            if (snapshot is not { HasContent: true })
            {
                continue;
            }

            var request = ChangeRequestJson.Read(snapshot);
            if ((target is null || request.Target == target) && (status is null || request.Status == status))
            {
                yield return request;
            }
        }
    }

    private static EntityKey KeyOf(string id) =>
        ChangeRequest.IsValidId(id ?? throw new ArgumentNullException(nameof(id)))
            ? EntityKey.Create(PolicyKinds.ChangeRequestKind, id)
            : throw new InvalidNameException("change request id", id, "expected cr-N, e.g. cr-17");

    private async Task<(CanonicalDocument Proposal, Snapshot? Base)> PrepareAsync(
        EntityKey target, ReadOnlyMemory<byte> utf8Json, int? baseVersion, CancellationToken cancellationToken)
    {
        // A proposal of a reserved kind would be refused at apply; refuse it now, before it is read or stored.
        VersioningService.EnsureWritable(target, "change request");

        var proposal = _versions.Canonicalize(target.Kind, utf8Json.Span);
        if (target.Kind == PolicyKinds.PolicyKind)
        {
            PolicyBook.EnsureFits(target.Id, proposal.Utf8);
        }

        var @base = baseVersion switch
        {
            0 => null,
            null => await _versions.Store.GetLatestAsync(target, cancellationToken).ConfigureAwait(false),
            { } n => await _versions.GetAsync(VersionRef.ForVersion(target, n), cancellationToken).ConfigureAwait(false),
        };
        if (@base is not null && @base.Hash == proposal.Hash)
        {
            throw new RefusedException("unchanged", null, target.ToString(), $"the proposal equals {@base.Ref}", "propose a record that changes something");
        }

        return (proposal, @base);
    }

    // The sequence entity's version number is the number of ids handed out; an expected-version append makes each one unique.
    private async Task<string> AllocateIdAsync(Actor by, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var head = await _versions.Store.CountVersionsAsync(SequenceKey, cancellationToken).ConfigureAwait(false);
            var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cr-{head + 1}");
            var content = CanonicalJson.CreateDocument(System.Text.Encoding.UTF8.GetBytes($$"""{"last":"{{id}}"}"""));
            try
            {
                await _versions.AppendForServiceAsync(SequenceKey, content, new SaveOptions(by.Name) { ExpectedVersion = head }, VersionOperation.Save, PolicyKinds.ChangeRequestKind, cancellationToken).ConfigureAwait(false);
                return id;
            }
            catch (VersionConflictException) when (attempt < MaxAttempts)
            {
                // Another proposal took that number; take the next.
            }
        }
    }

    private async Task<ChangeRequest> AppendAsync(ChangeRequest request, Actor by, string message, int expected, CancellationToken cancellationToken)
    {
        var options = new SaveOptions(by.Name) { ExpectedVersion = expected, Message = message };
        var result = await _versions.AppendForServiceAsync(request.Key, ChangeRequestJson.Write(request), options, VersionOperation.Save, PolicyKinds.ChangeRequestKind, cancellationToken).ConfigureAwait(false);
        return ChangeRequestJson.Read(result.Head);
    }

    // Read, change, append expecting the version read; on a conflict someone else changed it first, so read again.
    private async Task<ChangeRequest> MutateAsync(
        string id, Actor by, string message, Func<ChangeRequest, Task<ChangeRequest>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            var changed = await change(current).ConfigureAwait(false);
            try
            {
                return await AppendAsync(changed, by, message, current.Version, cancellationToken).ConfigureAwait(false);
            }
            catch (VersionConflictException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private static void EnsureOpen(ChangeRequest request, string what)
    {
        if (request.IsFinal)
        {
            throw new RefusedException(
                PolicyRules.Status, null, request.Id,
                $"{request.Id} is {request.Status.ToName()}{(request.AppliedVersion is { } v ? $" (as {request.Target}@{v})" : "")} and cannot be {what}",
                "propose a new change request");
        }
    }

    private static void EnsureAuthor(ChangeRequest request, Actor actor, string what)
    {
        if (!actor.Shares(request.Author))
        {
            throw new RefusedException(
                PolicyRules.AuthorOnly, null, request.Id,
                $"{actor} cannot {what} {request.Id}: only its author, {request.Author}, can",
                $"ask {request.Author.Effective} to {what} it, or propose your own change");
        }
    }
}
