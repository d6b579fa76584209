using Verso.Contracts.Compare;
using Verso.Contracts.Json;
using Verso.Storage;

namespace Verso.Server.Wire;

/// <summary>Merges as the wire shows them: Core's <see cref="Documents.Merge.MergeResult"/> mapped to <see cref="Contracts.Compare.MergeResult"/>.</summary>
public static class WireMerge
{
    /// <summary>A clean merge: the merged record (canonical bytes) and, when it was saved, the version.</summary>
    public static Contracts.Compare.MergeResult Clean(ReadOnlyMemory<byte> merged, AppendResult? saved) => new()
    {
        Clean = true,
        Merged = new RawJson(merged),
        Status = saved is null ? null : saved.Outcome == AppendOutcome.Created ? "created" : "unchanged",
        Ref = saved?.Head.Ref.ToString(),
        Hash = saved?.Head.Hash.ToString(),
    };

    /// <summary>A merge that is not clean: its conflicts.</summary>
    public static Contracts.Compare.MergeResult Unclean(Documents.Merge.MergeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new Contracts.Compare.MergeResult { Clean = false, Conflicts = Of(result.Conflicts) };
    }

    /// <summary>Each conflict; a side where the value is absent has no member, which tells it apart from a JSON null.</summary>
    public static List<Contracts.Compare.MergeConflict> Of(IEnumerable<Documents.Merge.MergeConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        return [.. conflicts.Select(c => new Contracts.Compare.MergeConflict
        {
            Path = c.Path,
            Base = WireJson.OfPresent(c.Base, c.InBase),
            Ours = WireJson.OfPresent(c.Ours, c.InOurs),
            Theirs = WireJson.OfPresent(c.Theirs, c.InTheirs),
        })];
    }
}
