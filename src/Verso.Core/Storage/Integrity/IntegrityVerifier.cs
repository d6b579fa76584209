using System.Collections.Immutable;
using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Storage.Integrity;

/// <summary>
/// Re-checks a whole store: the database's own pages, every content against its hash, every chain link
/// against its predecessor, every version number against the gapless sequence, every head against the
/// last version, every tag against its recorded moves and, given a checkpoint, that the history still
/// extends it. Everything is read from one snapshot of the store when it offers one
/// (<see cref="IIntegritySource"/>), so concurrent appends are never mistaken for damage. Each broken
/// version is reported by ref, so a flipped byte, an edited field or a deleted row names itself.
/// </summary>
public static class IntegrityVerifier
{
    /// <summary>Verifies every version of every entity, streaming; <paramref name="progress"/> hears the count of versions checked.</summary>
    public static Task<IntegrityReport> VerifyAsync(IVersionStore store, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(store, new IntegrityOptions(), progress, cancellationToken);

    /// <summary>
    /// Verifies the whole store as <see cref="VerifyAsync(IVersionStore, IProgress{long}?, CancellationToken)"/>
    /// does and, for kinds in <paramref name="kinds"/> that declare references, also that every version a
    /// record pins still exists with the hash it was pinned at.
    /// </summary>
    public static Task<IntegrityReport> VerifyAsync(IVersionStore store, KindRegistry? kinds, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(store, new IntegrityOptions { Kinds = kinds }, progress, cancellationToken);

    /// <summary>Verifies the whole store with the given options.</summary>
    /// <param name="store">The store to verify.</param>
    /// <param name="options">Pins, quick storage check, a checkpoint to extend.</param>
    /// <param name="progress">Receives the number of versions checked so far.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static async Task<IntegrityReport> VerifyAsync(IVersionStore store, IntegrityOptions options, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        await using var snapshot = store is IIntegritySource source
            ? await source.OpenIntegritySnapshotAsync(cancellationToken).ConfigureAwait(false)
            : new StoreReadSnapshot(store);
        var storage = ImmutableArray.CreateBuilder<string>();
        storage.AddRange(await snapshot.CheckStorageAsync(options.Quick, cancellationToken).ConfigureAwait(false));

        var problems = ImmutableArray.CreateBuilder<IntegrityProblem>();
        var heads = new Dictionary<EntityKey, EntityHead>();
        var history = new HistoryIndex(keepChains: options.Since is not null);
        var pins = new PinCheck(options.Kinds);
        var tags = new TagCheck();
        var signatures = new Versioning.Signatures.EventSignatureCheck();
        long count = 0;
        var versionsRead = false;
        Snapshot? previous = null;
        try
        {
            await foreach (var head in snapshot.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
            {
                heads[head.Key] = head;
            }

            await foreach (var version in snapshot.ScanAsync(cancellationToken).ConfigureAwait(false))
            {
                if (previous is not null && previous.Key != version.Key)
                {
                    previous = null;
                }

                // Hashed once here for both checks; a pruned or erased version has no bytes to hash.
                var contentIntact = version.HasContent && ContentHash.Compute(version.Content.Span) == version.Hash;
                CheckVersion(previous, version, contentIntact, problems);
                pins.Collect(version, contentIntact, problems);
                signatures.Collect(version);
                previous = version;
                history.Add(version);
                count++;
                progress?.Report(count);
            }

            versionsRead = true;

            await foreach (var tag in snapshot.ScanTagsAsync(cancellationToken).ConfigureAwait(false))
            {
                tags.AddTag(tag);
            }

            await foreach (var move in snapshot.ScanTagHistoryAsync(cancellationToken).ConfigureAwait(false))
            {
                tags.AddMove(move);
                signatures.AddMove(move);
            }
        }
        catch (VersoException exception) when (exception is StoreFailureException or StoreUnavailableException)
        {
            // A damaged page can stop the read itself; what was read is still checked, and the stop is reported.
            storage.Add($"the read stopped after {count} versions: {exception.Message}");
        }

        foreach (var (key, head) in heads)
        {
            // After a stopped read, an entity it never reached (or stopped inside) is not evidence of missing versions:
            // the stop is reported once above, not as every version of every entity after it.
            if (!versionsRead && (history.Last(key) is null || key == previous?.Key))
            {
                continue;
            }

            CheckHead(head, history.Last(key), problems);
        }

        pins.Check(problems);
        tags.Check(history.LastVersion, problems);
        signatures.Check(problems);
        if (options.Since is { } checkpoint)
        {
            CheckpointCheck.Check(checkpoint, history, tags, problems);
        }

        return new IntegrityReport(heads.Count, count, problems.ToImmutable())
        {
            StorageProblems = storage.ToImmutable(),
            // Only an intact store is vouched for: a checkpoint of damage would make the damage the reference.
            Checkpoint = options.CheckpointAt is { } now && problems.Count == 0 && storage.Count == 0 ? CheckpointCheck.Create(now, history, tags) : null,
        };
    }

    private static void CheckVersion(Snapshot? previous, Snapshot snapshot, bool contentIntact, ImmutableArray<IntegrityProblem>.Builder problems)
    {
        var expected = (previous?.Version ?? 0) + 1;
        for (var missing = expected; missing < snapshot.Version; missing++)
        {
            problems.Add(new IntegrityProblem(VersionRef.ForVersion(snapshot.Key, missing), "missing: the version is gone from the store"));
        }

        // A removed version's hash still takes part in the chain below.
        if (snapshot.HasContent && !contentIntact)
        {
            problems.Add(new IntegrityProblem(snapshot.Ref, $"its content does not hash to {snapshot.Hash} (the stored bytes were changed or lost)"));
        }

        if (snapshot.ChainHash is not { } stored)
        {
            problems.Add(new IntegrityProblem(snapshot.Ref, "it has no chain hash"));
            return;
        }

        // A version after a gap cannot be linked: its predecessor is the one reported missing.
        if (snapshot.Version != expected)
        {
            return;
        }

        if (!ChainHash.Matches(previous?.ChainHash, snapshot, stored))
        {
            problems.Add(new IntegrityProblem(snapshot.Ref, "its chain hash does not match: a stored field of this version was changed"));
        }
    }

    private static void CheckHead(EntityHead head, Snapshot? last, ImmutableArray<IntegrityProblem>.Builder problems)
    {
        var lastVersion = last?.Version ?? 0;
        for (var missing = lastVersion + 1; missing <= head.Version; missing++)
        {
            problems.Add(new IntegrityProblem(VersionRef.ForVersion(head.Key, missing), $"missing: the head says {head.Version} but the versions end at {lastVersion}"));
        }

        if (last is not null && head.Version == last.Version && head.Hash != last.Hash)
        {
            problems.Add(new IntegrityProblem(last.Ref, $"the head's hash {head.Hash} is not this version's {last.Hash}"));
        }

        if (head.Version < lastVersion)
        {
            problems.Add(new IntegrityProblem(last!.Ref, $"the head says {head.Version}, behind the last version"));
        }
    }
}
