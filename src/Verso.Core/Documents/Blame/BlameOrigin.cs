using Verso.Model.Snapshots;

namespace Verso.Documents.Blame;

/// <summary>The version that last changed a value or a line, and who saved it when.</summary>
/// <param name="Version">The version number.</param>
/// <param name="SavedBy">Who saved that version.</param>
/// <param name="SavedAt">When, in UTC.</param>
public sealed record BlameOrigin(int Version, string SavedBy, DateTimeOffset SavedAt)
{
    /// <summary>The origin of every value a snapshot changed.</summary>
    public static BlameOrigin Of(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new BlameOrigin(snapshot.Version, snapshot.SavedBy, snapshot.SavedAt);
    }
}
