using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

// Imports that keep the source's numbers, authors and times: migrations from another versioning system.
public sealed partial class VersioningService
{
    /// <summary>
    /// Appends versions that keep their source's numbers, <c>saved_by</c> and <c>saved_at</c> (operation
    /// import), all in one transaction. Per entity, in the order given, each version must either exist
    /// already with the same content (it is skipped: an import runs again without effect) or be the next
    /// number after the head (so numbers stay gapless). Anything else refuses the whole import.
    /// </summary>
    /// <returns>One result per version, in order: created, or unchanged with the stored version.</returns>
    /// <exception cref="ImportConflictException">A version exists with another content, or would leave a gap; nothing was written.</exception>
    /// <exception cref="RefusedException">A version is of a reserved kind.</exception>
    /// <exception cref="VersionConflictException">Another writer moved a head meanwhile; nothing was written.</exception>
    public async Task<IReadOnlyList<AppendResult>> ImportAsync(IReadOnlyList<ImportedVersion> versions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var results = new AppendResult?[versions.Count];
        var heads = new Dictionary<EntityKey, int>();
        var saves = new List<BatchSave>();
        var savedAt = new List<int>();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            ArgumentNullException.ThrowIfNull(version);
            EnsureWritable(version.Key, VersionOperation.Import.ToName());

            if (!heads.TryGetValue(version.Key, out var head))
            {
                head = await Store.CountVersionsAsync(version.Key, cancellationToken).ConfigureAwait(false);
            }

            var reference = VersionRef.ForVersion(version.Key, version.Version).ToString();
            if (version.Version <= head)
            {
                var stored = await Store.GetVersionAsync(version.Key, version.Version, cancellationToken).ConfigureAwait(false);
                if (stored is null)
                {
                    // A version numbered at or below the head that is not stored yet is one this import appends: listed twice.
                    throw new ImportConflictException(reference, head, "it is listed twice");
                }

                if (stored.Hash != version.Content.Hash)
                {
                    throw new ImportConflictException(reference, head, $"version {version.Version} exists with another content ({stored.Hash})");
                }

                results[i] = new AppendResult(AppendOutcome.Unchanged, stored);
                heads[version.Key] = head;
                continue;
            }

            if (version.Version != head + 1)
            {
                throw new ImportConflictException(reference, head, $"it does not continue the entity gaplessly (its head is {head})");
            }

            heads[version.Key] = version.Version;
            saves.Add(new BatchSave(version.Key, version.Content, new SaveOptions(version.SavedBy)
            {
                SavedAt = version.SavedAt,
                Message = version.Message,
                Operation = VersionOperation.Import,
                // The source may hold the same content twice in a row (a forced save): kept as it was.
                Force = true,
                ExpectedVersion = head,
            }));
            savedAt.Add(i);
        }

        if (saves.Count > 0)
        {
            var appended = await SaveBatchAsync(saves, cancellationToken).ConfigureAwait(false);
            for (var j = 0; j < appended.Count; j++)
            {
                results[savedAt[j]] = appended[j];
            }
        }

        return results.Select(r => r!).ToArray();
    }
}
