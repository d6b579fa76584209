using System.Collections.Immutable;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Governance.ChangeRequests;

/// <summary>
/// One state of a change request: a proposed record for an entity against a base version, with its
/// reviews and status. Each state is a version of <c>change-request/ID</c>, so the request's whole
/// history (every update, review and status change) is kept, chained and verified like any entity's.
/// </summary>
public sealed record ChangeRequest
{
    /// <summary>The id, e.g. <c>cr-17</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The entity the request changes.</summary>
    public required EntityKey Target { get; init; }

    /// <summary>The version the proposal was written against; 0 when it creates the entity.</summary>
    public required int BaseVersion { get; init; }

    /// <summary>The base version's content hash; null when the proposal creates the entity.</summary>
    public ContentHash? BaseHash { get; init; }

    /// <summary>The proposed record, canonical.</summary>
    public required CanonicalDocument Proposal { get; init; }

    /// <summary>Who proposed it.</summary>
    public required Actor Author { get; init; }

    /// <summary>Why, as the author said.</summary>
    public string? Message { get; init; }

    /// <summary>Where it stands.</summary>
    public required ChangeRequestStatus Status { get; init; }

    /// <summary>The proposal's revision: 1, then one more with each update.</summary>
    public required int Revision { get; init; }

    /// <summary>Every review, oldest first, of every revision.</summary>
    public ImmutableArray<ReviewEntry> Reviews { get; init; } = [];

    /// <summary>For a stale request: the paths where the merge with the head conflicted.</summary>
    public ImmutableArray<string> Conflicts { get; init; } = [];

    /// <summary>For an applied request: the version of the entity it became.</summary>
    public int? AppliedVersion { get; init; }

    /// <summary>This state's version of <c>change-request/ID</c> (0 before it is stored).</summary>
    public int Version { get; init; }

    /// <summary>When this state was recorded, in UTC.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The request's own entity, <c>change-request/ID</c>.</summary>
    public EntityKey Key => EntityKey.Create(Policies.PolicyKinds.ChangeRequestKind, Id);

    /// <summary>The base as a ref; null when the proposal creates the entity.</summary>
    public VersionRef? BaseRef => BaseVersion == 0 ? null : VersionRef.ForVersion(Target, BaseVersion);

    /// <summary>Whether nothing more can happen to it (applied or withdrawn).</summary>
    public bool IsFinal => Status is ChangeRequestStatus.Applied or ChangeRequestStatus.Withdrawn;

    /// <summary>Each reviewer's latest approve or reject of the current revision, by effective identity.</summary>
    public IReadOnlyList<ReviewEntry> CurrentVerdicts =>
        [.. Reviews.Where(r => r.Revision == Revision && r.Verdict != ReviewVerdict.Comment)
            .GroupBy(r => r.By.Effective, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(r => r.By.Effective, StringComparer.Ordinal)];

    /// <summary>Who approves the current revision (effective identities, ordered).</summary>
    public ImmutableArray<string> Approvers => [.. CurrentVerdicts.Where(r => r.Verdict == ReviewVerdict.Approve).Select(r => r.By.Effective)];

    /// <summary>Who rejects the current revision (effective identities, ordered).</summary>
    public ImmutableArray<string> Rejecters => [.. CurrentVerdicts.Where(r => r.Verdict == ReviewVerdict.Reject).Select(r => r.By.Effective)];

    /// <summary>Compares every field; the proposal by its hash, the reviews and conflicts item by item.</summary>
    public bool Equals(ChangeRequest? other) =>
        other is not null
        && (Id, Target, BaseVersion, BaseHash, Proposal.Hash, Author, Message, Status, Revision, AppliedVersion, Version, UpdatedAt)
            == (other.Id, other.Target, other.BaseVersion, other.BaseHash, other.Proposal.Hash, other.Author, other.Message, other.Status, other.Revision, other.AppliedVersion, other.Version, other.UpdatedAt)
        && Reviews.SequenceEqual(other.Reviews)
        && Conflicts.SequenceEqual(other.Conflicts);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Version);

    /// <summary>Whether <paramref name="id"/> is a change request id: <c>cr-</c> and a positive number.</summary>
    public static bool IsValidId(string id) =>
        id.StartsWith("cr-", StringComparison.Ordinal) && int.TryParse(id.AsSpan(3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0;
}
