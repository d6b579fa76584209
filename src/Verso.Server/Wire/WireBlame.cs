using Verso.Documents.Blame;
using Verso.Model.Snapshots;

namespace Verso.Server.Wire;

/// <summary>Blames as the wire shows them: Core's <see cref="Documents.Blame.BlameEntry"/> mapped to <see cref="Contracts.Compare.BlameEntry"/>.</summary>
public static class WireBlame
{
    /// <summary>Each entry, in document order.</summary>
    public static List<Contracts.Compare.BlameEntry> Of(IEnumerable<Documents.Blame.BlameEntry> blame)
    {
        ArgumentNullException.ThrowIfNull(blame);
        return [.. blame.Select(Of)];
    }

    /// <summary>The blame of <paramref name="target"/>.</summary>
    public static Contracts.Compare.BlameResult Of(Snapshot target, IEnumerable<Documents.Blame.BlameEntry> blame)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new Contracts.Compare.BlameResult { Ref = target.Ref.ToString(), Hash = target.Hash.ToString(), Entries = Of(blame) };
    }

    private static Contracts.Compare.BlameEntry Of(Documents.Blame.BlameEntry entry) => new()
    {
        Path = entry.Path,
        Value = WireJson.Of(entry.Value),
        Version = entry.Origin.Version,
        SavedBy = entry.Origin.SavedBy,
        SavedAt = entry.Origin.SavedAt,
        Lines = entry.Lines.IsEmpty ? null : [.. entry.Lines.Select(Of)],
    };

    private static Contracts.Compare.BlameLine Of(Documents.Blame.BlameLine line) => new()
    {
        Number = line.Number,
        Text = line.Text,
        Version = line.Origin.Version,
        SavedBy = line.Origin.SavedBy,
        SavedAt = line.Origin.SavedAt,
    };
}
