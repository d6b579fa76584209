using Verso.Contracts.Admin;
using Verso.Storage.Retention;

namespace Verso.Server.Wire;

/// <summary>Store maintenance as the wire shows it: verification, prune and erasure mapped to <see cref="Verso.Contracts.Admin"/>.</summary>
public static class WireAdmin
{
    /// <summary>A verification's report.</summary>
    public static IntegrityReport Of(Storage.Integrity.IntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IntegrityReport
        {
            Intact = report.IsIntact,
            Entities = report.Entities,
            Versions = report.Versions,
            StorageProblems = [.. report.StorageProblems],
            Problems = [.. report.Problems.Select(p => new IntegrityProblem { Ref = p.Ref.ToString(), Reason = p.Reason })],
        };
    }

    /// <summary>What a prune did (or would do): the total, and each entity that lost content.</summary>
    public static PruneResult Of(IReadOnlyCollection<ContentRemovalResult> results, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new PruneResult
        {
            DryRun = dryRun,
            Versions = results.Sum(r => r.Versions.Length),
            Entities = [.. results.Where(r => !r.Versions.IsEmpty).Select(r => new PrunedEntity { Entity = r.Key.ToString(), Versions = [.. r.Versions] })],
        };
    }

    /// <summary>What an erasure did.</summary>
    public static Contracts.Admin.ErasureResult Of(Storage.Retention.ErasureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Contracts.Admin.ErasureResult
        {
            Entity = result.Erased.Key.ToString(),
            Versions = [.. result.Erased.Versions],
            Tombstone = result.Tombstone?.Ref.ToString(),
        };
    }

    /// <summary>What erasing a whole entity did.</summary>
    public static Contracts.Import.EntityErasureResult OfEntity(Storage.Retention.ErasureResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Contracts.Import.EntityErasureResult
        {
            Entity = result.Erased.Key.ToString(),
            Count = result.Erased.Versions.Length,
            Versions = [.. result.Erased.Versions],
            Tombstone = result.Tombstone?.Ref.ToString(),
        };
    }
}
