using System.Collections.Immutable;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;

namespace Verso.Versioning;

// Erasing everything an entity ever held: what a platform's "delete all versions of an entity" maps to
// when history itself must stay (numbers, hashes and chain links are kept, the content goes).
public sealed partial class VersioningService
{
    /// <summary>
    /// Erases the content of every version of <paramref name="key"/>. A head that still has content is first
    /// replaced by an empty tombstone version (operation erase, the reason as its message), which keeps its
    /// content so the entity has a readable head; every other version's content is erased.
    /// </summary>
    /// <returns>The versions whose content was erased (none when all were gone already), and the tombstone if one was appended.</returns>
    /// <exception cref="Errors.NotFoundException">The entity has no version.</exception>
    /// <exception cref="Errors.RefusedException">The kind is reserved (rule <c>reserved_kind</c>).</exception>
    public async Task<ErasureResult> EraseAllAsync(EntityKey key, string erasedBy, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(erasedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        // Before anything is read: a refused erase of a reserved kind learns nothing about its records.
        EnsureWritable(key, VersionOperation.Erase.ToName());
        var head = await GetAsync(VersionRef.Latest(key), cancellationToken).ConfigureAwait(false);
        Snapshot? tombstone = null;
        if (head.Operation != VersionOperation.Erase && head.HasContent)
        {
            var options = new SaveOptions(erasedBy) { Message = reason, ExpectedVersion = head.Version, Force = true };
            tombstone = (await AppendAsync(key, EmptyRecord, options, VersionOperation.Erase, revertOf: null, Kinds.Resolve(key.Kind).SchemaVersion, cancellationToken)
                .ConfigureAwait(false)).Head;
        }

        var keep = tombstone?.Hash ?? (head.Operation == VersionOperation.Erase ? head.Hash : (ContentHash?)null);
        var hashes = new HashSet<ContentHash>();
        await foreach (var version in Store.GetHistoryAsync(key, 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (version.HasContent && version.Hash != keep)
            {
                hashes.Add(version.Hash);
            }
        }

        var stamp = new ContentRemoval(ContentRemovalKind.Erased, erasedBy, TruncateToMicroseconds(_time.GetUtcNow()), reason);
        var erased = ImmutableArray.CreateBuilder<int>();
        foreach (var hash in hashes)
        {
            var removed = await Store.EraseAsync(key, hash, stamp, cancellationToken).ConfigureAwait(false);
            erased.AddRange(removed.Versions);
        }

        erased.Sort((a, b) => b.CompareTo(a));
        return new ErasureResult(new ContentRemovalResult(key, erased.ToImmutable()), tombstone);
    }
}
