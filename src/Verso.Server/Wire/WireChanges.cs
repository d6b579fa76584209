using Verso.Contracts.Changes;
using Verso.Model.Snapshots;

namespace Verso.Server.Wire;

/// <summary>The change feed as the wire shows it: the store's change log entries mapped to <see cref="Verso.Contracts.Changes"/>.</summary>
public static class WireChanges
{
    /// <summary>One entry: a JSON page's item and a Server-Sent Event's data.</summary>
    public static ChangeEntry Of(Storage.ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ChangeEntry
        {
            Seq = entry.Sequence,
            Ref = entry.Ref.ToString(),
            Kind = entry.Ref.Key.Kind,
            Id = entry.Ref.Key.Id,
            Version = entry.Ref.Version,
            Hash = entry.Hash.ToString(),
            SavedBy = entry.SavedBy,
            SavedAt = entry.SavedAt,
            Operation = entry.Operation.ToName(),
        };
    }
}
