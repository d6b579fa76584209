using System.Collections.Immutable;
using Verso.Hashing;
using Verso.Kinds;
using Verso.Naming;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Integrity;

/// <summary>
/// Re-checks a whole store: every content against its hash, every chain link against its predecessor,
/// every version number against the gapless sequence, every head against the last version. Each broken
/// version is reported by ref, so a flipped byte, an edited field or a deleted row names itself.
/// </summary>
public static class IntegrityVerifier
{
    /// <summary>Verifies every version of every entity, streaming; <paramref name="progress"/> hears the count of versions checked.</summary>
    public static Task<IntegrityReport> VerifyAsync(IVersionStore store, IProgress<long>? progress = null, CancellationToken cancellationToken = default) =>
        VerifyAsync(store, kinds: null, progress, cancellationToken);

    /// <summary>
    /// Verifies the whole store as <see cref="VerifyAsync(IVersionStore, IProgress{long}?, CancellationToken)"/>
    /// does and, for kinds in <paramref name="kinds"/> that declare references, also that every version a
    /// record pins still exists with the hash it was pinned at.
    /// </summary>
    /// <param name="store">The store to verify.</param>
    /// <param name="kinds">The kinds whose reference readers find the pins; null checks no references.</param>
    /// <param name="progress">Receives the number of versions checked so far.</param>
    /// <param name="cancellationToken">Cancels the scan.</param>
    public static async Task<IntegrityReport> VerifyAsync(IVersionStore store, KindRegistry? kinds, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var heads = new Dictionary<EntityKey, EntityHead>();
        await foreach (var head in store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[head.Key] = head;
        }

        var problems = ImmutableArray.CreateBuilder<IntegrityProblem>();
        var seen = new Dictionary<EntityKey, Snapshot>();
        var pins = new PinCheck(kinds);
        long versions = 0;
        Snapshot? previous = null;
        await foreach (var snapshot in store.ScanAsync(cancellationToken).ConfigureAwait(false))
        {
            if (previous is not null && previous.Key != snapshot.Key)
            {
                previous = null;
            }

            // Hashed once here for both checks; a pruned or erased version has no bytes to hash.
            var contentIntact = snapshot.HasContent && ContentHash.Compute(snapshot.Content.Span) == snapshot.Hash;
            CheckVersion(previous, snapshot, contentIntact, problems);
            pins.Collect(snapshot, contentIntact, problems);
            previous = snapshot;
            seen[snapshot.Key] = snapshot;
            versions++;
            progress?.Report(versions);
        }

        foreach (var (key, head) in heads)
        {
            CheckHead(head, seen.GetValueOrDefault(key), problems);
        }

        pins.Check(problems);
        return new IntegrityReport(heads.Count, versions, problems.ToImmutable());
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

        if (ChainHash.Compute(previous?.ChainHash, snapshot) != stored)
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
