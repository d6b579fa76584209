using System.Runtime.CompilerServices;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

// Retention and erasure: old content dropped by policy, or one content erased on purpose.
public sealed partial class VersioningService
{
    /// <summary>
    /// Drops the content of <paramref name="key"/>'s old versions as <paramref name="policy"/> says; heads,
    /// tagged and pinned versions keep theirs (see <see cref="IVersionStore.PruneAsync"/>).
    /// </summary>
    /// <exception cref="Errors.NotFoundException">The entity does not exist.</exception>
    public Task<ContentRemovalResult> PruneAsync(
        EntityKey key, RetentionPolicy policy, string prunedBy, string? reason = null, bool dryRun = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prunedBy);
        // One entity named on purpose: a reserved kind's history is its service's to keep (a store-wide prune still covers it).
        EnsureWritable(key, "prune");
        return PruneOneAsync(key, policy, prunedBy, reason, dryRun, cancellationToken);
    }

    private Task<ContentRemovalResult> PruneOneAsync(EntityKey key, RetentionPolicy policy, string prunedBy, string? reason, bool dryRun, CancellationToken cancellationToken)
    {
        var stamp = new ContentRemoval(ContentRemovalKind.Pruned, prunedBy, TruncateToMicroseconds(_time.GetUtcNow()), reason);
        return Store.PruneAsync(key, policy, stamp, dryRun, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="policy"/> to every entity in the store, one entity (one transaction) at a
    /// time, and yields each entity it pruned (or, for a dry run, would prune).
    /// </summary>
    public async IAsyncEnumerable<ContentRemovalResult> PruneAllAsync(
        RetentionPolicy policy,
        string prunedBy,
        string? reason = null,
        bool dryRun = false,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var keys = new List<EntityKey>();
        await foreach (var head in Store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(head.Key);
        }

        foreach (var key in keys)
        {
            var result = await PruneOneAsync(key, policy, prunedBy, reason, dryRun, cancellationToken).ConfigureAwait(false);
            if (!result.Versions.IsEmpty)
            {
                yield return result;
            }
        }
    }

    /// <summary>
    /// Erases the content <paramref name="reference"/> names from every version of its entity that holds
    /// it. When the head holds it, a tombstone version (operation erase, the empty record, the reason as
    /// its message) is appended first, so the entity still has a readable head.
    /// </summary>
    /// <exception cref="Errors.NotFoundException">The ref names nothing.</exception>
    /// <exception cref="Errors.ContentRemovedException">That version's content is gone already.</exception>
    public async Task<ErasureResult> EraseAsync(VersionRef reference, string erasedBy, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentException.ThrowIfNullOrWhiteSpace(erasedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // A reserved kind's reader takes every version for a record of its own: no tombstone may be slipped in.
        EnsureWritable(reference.Key, VersionOperation.Erase.ToName());
        var target = await GetAsync(reference, cancellationToken).ConfigureAwait(false);
        target.ThrowIfContentRemoved();
        Snapshot? tombstone = null;
        var head = await Store.GetLatestAsync(target.Key, cancellationToken).ConfigureAwait(false);
        // Tombstone first: if the erase below fails, running it again finds the head moved on and finishes.
        if (head is not null && head.Hash == target.Hash)
        {
            var options = new SaveOptions(erasedBy) { Message = reason, ExpectedVersion = head.Version };
            tombstone = (await AppendAsync(target.Key, EmptyRecord, options, VersionOperation.Erase, revertOf: null, Kinds.Resolve(target.Key.Kind).SchemaVersion, cancellationToken)
                .ConfigureAwait(false)).Head;
        }

        var stamp = new ContentRemoval(ContentRemovalKind.Erased, erasedBy, TruncateToMicroseconds(_time.GetUtcNow()), reason);
        var removed = await Store.EraseAsync(target.Key, target.Hash, stamp, cancellationToken).ConfigureAwait(false);
        return new ErasureResult(removed, tombstone);
    }

    private static readonly CanonicalDocument EmptyRecord = CanonicalDocument.FromCanonicalBytes("{}"u8.ToArray());
}
